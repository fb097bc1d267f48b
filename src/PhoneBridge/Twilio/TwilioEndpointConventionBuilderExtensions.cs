using Microsoft.AspNetCore.Http;

using PhoneBridge.Twilio;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Opts endpoints in to Twilio signature validation.</summary>
public static class TwilioEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Answers 403 (empty body, handler not called) to any request that does not carry a valid
    /// <c>X-Twilio-Signature</c> for its URL and body. Works on one endpoint or on a whole group,
    /// e.g. <c>app.MapGroup("/twilio").ValidateTwilioRequest()</c>. Requires <c>services.AddTwilioProtocol()</c>.
    /// </summary>
    /// <remarks>
    /// Behind a reverse proxy, configure ForwardedHeaders (or <c>Twilio:BaseUrlOverride</c>) so the
    /// URL this server rebuilds is the public URL Twilio called; otherwise every request is rejected.
    /// </remarks>
    /// <typeparam name="TBuilder">The endpoint or group builder.</typeparam>
    /// <param name="builder">The endpoint or group to protect.</param>
    /// <returns>The same <paramref name="builder"/>, for chaining.</returns>
    public static TBuilder ValidateTwilioRequest<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Minimal APIs bind parameters (and so read the body) before endpoint filters run. Buffering
        // from the start of the request lets the filter re-read the exact bytes Twilio signed.
        builder.Add(static endpoint =>
        {
            if (endpoint.RequestDelegate is RequestDelegate inner)
            {
                endpoint.RequestDelegate = context =>
                {
                    context.Request.EnableBuffering();
                    return inner(context);
                };
            }
        });
        return builder.AddEndpointFilter<TBuilder, ValidateTwilioRequestFilter>();
    }
}

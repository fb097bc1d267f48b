using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PhoneBridge.Twilio;

/// <summary>
/// Lets a request reach the endpoint only if its <c>X-Twilio-Signature</c> proves Twilio sent it;
/// anything else gets a bare 403 and the endpoint never runs. Added by <c>.ValidateTwilioRequest()</c>.
/// </summary>
/// <remarks>
/// The signature is checked by the official SDK's <c>Twilio.Security.RequestValidator</c>: form
/// posts against their fields, JSON bodies against the <c>bodySHA256</c> query parameter. The auth token is read on every request, so a rotated <c>Twilio:AuthToken</c> applies
/// without a restart if the configuration source reloads.
/// </remarks>
public sealed class ValidateTwilioRequestFilter(IOptionsMonitor<TwilioOptions> options, ILogger<ValidateTwilioRequestFilter> logger) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        HttpRequest request = context.HttpContext.Request;
        TwilioOptions current = options.CurrentValue;
        TwilioRejection? rejection = await TwilioRequestVerifier.VerifyAsync(request, current, context.HttpContext.RequestAborted)
            .ConfigureAwait(false);
        if (rejection is TwilioRejection reason)
        {
            // Path only: the query may carry caller data, and the signature is a credential.
            string path = (request.PathBase + request.Path).Value ?? "/";
            logger.SignatureRejected(path, reason, TwilioRequestUrl.OriginForLog(request, current.BaseUrlOverride));
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        return await next(context).ConfigureAwait(false);
    }
}

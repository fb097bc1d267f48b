using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Telemetry;

namespace PhoneBridge.Twilio;

/// <summary>
/// Lets a request reach the endpoint only if its <c>X-Twilio-Signature</c> proves Twilio sent it;
/// anything else gets a bare 403 and the endpoint never runs. Added by <c>.ValidateTwilioRequest()</c>.
/// </summary>
/// <remarks>
/// The signature is checked by the official SDK's <c>Twilio.Security.RequestValidator</c>: form
/// posts against their fields, JSON bodies against the <c>bodySHA256</c> query parameter. The auth token is read on every request, so a rotated <c>Twilio:AuthToken</c> applies
/// without a restart if the configuration source reloads. Being the gate of every webhook, it also
/// counts and times them (<c>phonebridge.twilio.webhooks</c>) and opens their span (<c>twilio.webhook</c>).
/// </remarks>
public sealed class ValidateTwilioRequestFilter(
    IOptionsMonitor<TwilioOptions> options, PhoneBridgeMetrics metrics, ILogger<ValidateTwilioRequestFilter> logger) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        var started = Stopwatch.GetTimestamp();
        // The route pattern, not the path: a bounded set of values, and no query.
        var endpoint = (context.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unknown";
        using var activity = PhoneBridgeTelemetry.Source.StartActivity("twilio.webhook");
        activity?.SetTag("twilio.endpoint", endpoint);
        var outcome = "failed";
        try
        {
            HttpRequest request = context.HttpContext.Request;
            TwilioOptions current = options.CurrentValue;
            TwilioRejection? rejection = await TwilioRequestVerifier.VerifyAsync(request, current, context.HttpContext.RequestAborted)
                .ConfigureAwait(false);
            if (rejection is TwilioRejection reason)
            {
                // Path only: the query may carry caller data, and the signature is a credential.
                string path = (request.PathBase + request.Path).Value ?? "/";
                logger.SignatureRejected(path, reason, TwilioRequestUrl.OriginForLog(request, current.BaseUrlOverride));
                outcome = "signature_rejected";
                return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
            }

            var result = await next(context).ConfigureAwait(false);
            outcome = result is IStatusCodeHttpResult { StatusCode: >= StatusCodes.Status500InternalServerError } ? "failed" : "ok";
            return result;
        }
        finally
        {
            activity?.SetTag("twilio.outcome", outcome);
            if (outcome == "failed")
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            metrics.Webhook(endpoint, outcome, PhoneBridgeTelemetry.SecondsSince(started));
        }
    }
}

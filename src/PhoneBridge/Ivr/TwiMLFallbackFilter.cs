using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Twilio;
using Twilio.TwiML;

namespace PhoneBridge.Ivr;

/// <summary>
/// Last line of defence for the voice webhooks: Twilio plays "an application error has occurred"
/// and drops the caller on a 500, so any unexpected failure becomes an apology and the call is
/// still routed to people.
/// </summary>
internal sealed partial class TwiMLFallbackFilter(CallRouter router, IOptions<IvrOptions> options, ILogger<TwiMLFallbackFilter> logger)
    : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Every failure must still produce TwiML.
        catch (Exception e) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Failed(logger, context.HttpContext.Request.Path, e);
            var call = await TwilioWebhook.ReadAsync(context.HttpContext.Request, CancellationToken.None).ConfigureAwait(false);
            var say = IvrSpeaker.For(options.Value, call);
            var response = say.Line(new VoiceResponse(), say.Prompts.VisualUnavailable);
            return new TwiMLResult(router.Route(context.HttpContext.Request, call, response, attempt: 1, announce: false));
        }
    }

    [LoggerMessage(1490, LogLevel.Error, "Voice webhook {Path} failed; the caller hears an apology and is routed")]
    private static partial void Failed(ILogger logger, PathString path, Exception exception);
}

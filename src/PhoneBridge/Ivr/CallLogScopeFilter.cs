using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PhoneBridge.Ivr;

/// <summary>Puts the request's CallSid on every log line written while handling it.</summary>
internal sealed class CallLogScopeFilter(ILogger<CallLogScopeFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var call = await TwilioWebhook.ReadAsync(context.HttpContext.Request, context.HttpContext.RequestAborted).ConfigureAwait(false);
        using (logger.BeginScope(new Dictionary<string, object> { ["CallSid"] = call.CallSid }))
        {
            return await next(context).ConfigureAwait(false);
        }
    }
}

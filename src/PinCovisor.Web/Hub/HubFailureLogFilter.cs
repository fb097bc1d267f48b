using Microsoft.AspNetCore.SignalR;

namespace PinCovisor.Web.Hub;

/// <summary>
/// Logs how hub calls fail, at the level each deserves. A refusal (<see cref="HubException"/>: a
/// rate limit, an empty message, a session that ended) is the client's business and goes to Debug;
/// anything else is a fault of ours and goes to Error with its exception. SignalR's own dispatcher
/// would log both as errors, so its error events are filtered out of the log (see
/// <c>Hosting/HostingExtensions.cs</c>) and this filter speaks instead.
/// </summary>
internal sealed class HubFailureLogFilter(ILogger<HubFailureLogFilter> logger) : IHubFilter
{
    /// <summary>The category whose errors this filter replaces.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext).ConfigureAwait(false);
        }
        catch (HubException refusal)
        {
            HubLog.Refused(logger, invocationContext.HubMethodName, invocationContext.Context.ConnectionId, refusal.Message);
            throw;
        }
        catch (Exception fault) when (fault is not OperationCanceledException)
        {
            HubLog.Failed(logger, invocationContext.HubMethodName, invocationContext.Context.ConnectionId, fault);
            throw;
        }
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using PhoneBridge.Telemetry;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Telemetry;

namespace PinCovisor.Web.Hub;

/// <summary>
/// Counts and times hub calls (<c>phonebridge.hub.invocations</c>) and the connections open on this
/// host (<c>phonebridge.hub.connections</c>). Outermost of the hub's filters, so refusals by the rate
/// limit and the Redis outage count too. The span of each call is SignalR's own; this adds its outcome.
/// </summary>
internal sealed class HubTelemetryFilter(CovisorMetrics metrics) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await next(invocationContext).ConfigureAwait(false);
            outcome = "ok";
            return result;
        }
        catch (HubException)
        {
            outcome = "refused";
            throw;
        }
        finally
        {
            Activity.Current?.SetTag("hub.outcome", outcome);
            metrics.Invocation(invocationContext.HubMethodName, outcome, PhoneBridgeTelemetry.SecondsSince(started));
        }
    }

    // Counted once OnConnectedAsync has let the connection in: SignalR calls OnDisconnectedAsync
    // only for those, so the two always pair.
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next(context).ConfigureAwait(false);
        metrics.Connection(Role(context.Context), 1);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context, exception).ConfigureAwait(false);
        }
        finally
        {
            metrics.Connection(Role(context.Context), -1);
        }
    }

    private static string Role(HubCallerContext connection) =>
        connection.User?.IsAgent() == true ? CovisorClaims.AgentRole : CovisorClaims.CustomerRole;
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PhoneBridge.Ivr;

/// <summary>
/// Runs the IVR's Redis steps under a time budget. The call must never fail because the visual
/// side does: when Redis is slow or down the step yields nothing and the caller is still routed.
/// </summary>
internal sealed class IvrState(IConnectionMultiplexer redis, IOptions<IvrOptions> options, ILogger<IvrState> logger)
{
    public async Task<T?> TryAsync<T>(string callSid, string step, Func<CancellationToken, Task<T?>> action, CancellationToken cancellationToken)
        where T : class
    {
        if (!redis.IsConnected)
        {
            // Known down: commands would only queue until the budget ran out, and the caller would
            // hear Ivr:StateTimeout of silence before the apology.
            IvrLog.VisualSideUnavailable(logger, callSid, step, nameof(RedisConnectionException), null);
            return null;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.Value.StateTimeout);
        try
        {
            return await action(budget.Token).WaitAsync(budget.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever failed on the visual side, the call goes on.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            IvrLog.VisualSideUnavailable(logger, callSid, step, e.GetType().Name, e);
            return null;
        }
    }

    /// <summary>True when the step completed within the budget.</summary>
    public async Task<bool> TryAsync(string callSid, string step, Func<CancellationToken, Task> action, CancellationToken cancellationToken) =>
        await TryAsync<object>(callSid, step, async ct =>
        {
            await action(ct).ConfigureAwait(false);
            return Done;
        }, cancellationToken).ConfigureAwait(false) is not null;

    private static readonly object Done = new();
}

using Microsoft.Extensions.Options;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Redis;
using StackExchange.Redis;

namespace PinCovisor.Web.Orders;

/// <summary>
/// The order numbers mentioned in a session (chat lines, numbers an agent typed into the lookup box):
/// the only ones its agent may look up. A set in the session's slot, <c>pb:{session:&lt;id&gt;}:orders</c>,
/// living <see cref="CovisorHubOptions.HistoryLifetime"/> after the latest mention, as the session's log does after its latest event.
/// </summary>
internal sealed class OrderMentions(IConnectionMultiplexer redis, IOptions<CovisorHubOptions> options)
{
    public static RedisKey Key(string sessionId) => CovisorKeys.SessionScoped(sessionId, "orders");

    public async Task RecordAsync(string sessionId, IEnumerable<string> numbers, CancellationToken cancellationToken = default)
    {
        RedisValue[] values = [.. numbers.Distinct(StringComparer.Ordinal).Select(n => (RedisValue)n)];
        if (values.Length == 0)
        {
            return;
        }

        var key = Key(sessionId);
        var transaction = redis.GetDatabase().CreateTransaction();
        _ = transaction.SetAddAsync(key, values);
        _ = transaction.KeyExpireAsync(key, options.Value.HistoryLifetime);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> WasMentionedAsync(string sessionId, string number, CancellationToken cancellationToken = default) =>
        redis.GetDatabase().SetContainsAsync(Key(sessionId), number).WaitAsync(cancellationToken);
}

using Microsoft.Extensions.Options;
using PhoneBridge.Calls;
using PhoneBridge.Ivr;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Redis;
using PinCovisor.Web.Sessions;
using StackExchange.Redis;

namespace PinCovisor.Web.Orders;

/// <summary>
/// Order numbers callers key in the IVR (<c>Ivr:OrderLookup</c>), into their call's session. The
/// number is kept beside the call (<c>pb:keyed-order:&lt;CallSid&gt;</c>, for <c>Calls:RecordLifetime</c>)
/// because the session usually opens later, when the caller types the PIN on the website; whichever
/// comes second, the keying or the opening, brings the number in: it is recorded as mentioned, looked
/// up, and an agents-only <c>order.keyed</c> event with the outcome goes into the session, so the card
/// is there when the agent answers. The lookup runs in the background: neither Twilio's webhook nor
/// the customer's join waits for the shop.
/// </summary>
internal sealed class CallOrders(
    IConnectionMultiplexer redis,
    RedisSessionStore sessions,
    OrderNumbers numbers,
    OrderBook book,
    OrderMentions mentions,
    SessionEvents events,
    IOptions<CallOptions> calls,
    IHostApplicationLifetime lifetime,
    ILogger<CallOrders> logger) : IKeyedOrders
{
    private IDatabase Db => redis.GetDatabase();

    public static RedisKey Key(string callSid) => CovisorKeys.Global("keyed-order", callSid);

    public async Task<KeyedOrderCheck> CheckAsync(string number, CancellationToken cancellationToken = default)
    {
        if (!numbers.IsWhole(number))
        {
            return KeyedOrderCheck.NotFound;
        }

        if (!book.IsConfigured)
        {
            return KeyedOrderCheck.Unchecked;
        }

        return (await book.FindAsync(number, cancellationToken).ConfigureAwait(false)).Outcome switch
        {
            OrderLookupOutcome.Found => KeyedOrderCheck.Found,
            OrderLookupOutcome.NotFound => KeyedOrderCheck.NotFound,
            _ => KeyedOrderCheck.Unchecked,
        };
    }

    public async Task KeyedAsync(string callSid, string number, CancellationToken cancellationToken = default)
    {
        // Written before the session is looked for, as the session's index is written before the
        // join looks here: at least one of the two sides sees the other.
        await Db.StringSetAsync(Key(callSid), number, calls.Value.RecordLifetime).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (await sessions.FindByCallAsync(callSid, cancellationToken).ConfigureAwait(false) is { IsClosed: false } session)
        {
            Attach(session.Id, number);
        }
    }

    /// <summary>
    /// The call's session <paramref name="sessionId"/> has just been opened: brings in a number keyed
    /// before. Never throws: the caller's PIN is spent by now, and the join must not fail for this.
    /// </summary>
    public async Task SessionOpenedAsync(string sessionId, string callSid, CancellationToken cancellationToken = default)
    {
        try
        {
            var number = await Db.StringGetAsync(Key(callSid)).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!number.IsNullOrEmpty)
            {
                Attach(sessionId, number.ToString());
            }
        }
#pragma warning disable CA1031 // The agent can still look the number up by hand.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            OrdersLog.KeyedOrderNotAttached(logger, sessionId, e.GetType().Name, e);
        }
    }

    private void Attach(string sessionId, string number) => _ = AttachAsync(sessionId, number, lifetime.ApplicationStopping);

    private async Task AttachAsync(string sessionId, string number, CancellationToken cancellationToken)
    {
        try
        {
            await mentions.RecordAsync(sessionId, [number], cancellationToken).ConfigureAwait(false);
            var outcome = book.IsConfigured
                ? (await book.FindAsync(number, cancellationToken).ConfigureAwait(false)).Outcome
                : OrderLookupOutcome.Unavailable;
            var keyed = new OrderKeyed(number, outcome switch
            {
                OrderLookupOutcome.Found => OrderKeyed.Found,
                OrderLookupOutcome.NotFound => OrderKeyed.NotFound,
                _ => OrderKeyed.Unavailable,
            });
            // One event per number and session, however many times both sides bring it in.
            await events.PublishAsync(sessionId, EventKinds.OrderKeyed, EventAuthor.System, keyed,
                messageId: $"order-keyed:{number}", cancellationToken: cancellationToken).ConfigureAwait(false);
            OrdersLog.KeyedOrderAttached(logger, sessionId, keyed.Outcome);
        }
#pragma warning disable CA1031 // In the background: the agent can still look the number up by hand.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            OrdersLog.KeyedOrderNotAttached(logger, sessionId, e.GetType().Name, e);
        }
    }
}

using System.Globalization;
using Microsoft.Extensions.Options;
using PhoneBridge.Messaging;
using PhoneBridge.Twilio;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;
using StackExchange.Redis;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// Delivery states of the agents' messages to WhatsApp and SMS customers. Each send names this host's
/// <c>/twilio/messaging/status</c> as its <c>StatusCallback</c>; the SID Twilio returns is mapped to the
/// agent's <c>chat.message</c> (<see cref="TrackAsync"/>), and each state Twilio reports is recorded
/// when it moves the message forward and published as <c>chat.delivery</c> in the session's log. A state
/// that arrives before its SID is mapped waits (<see cref="EarlyLifetime"/>) and is applied when it is.
/// </summary>
internal sealed class DeliveryTracking(
    IConnectionMultiplexer redis,
    SessionEvents events,
    IHttpContextAccessor http,
    IOptions<TwilioOptions> twilio,
    IOptions<SessionsOptions> sessions,
    ILogger<DeliveryTracking> logger) : IMessageStatuses
{
    /// <summary>How long a state reported before its SID was mapped is kept (the send returns in seconds).</summary>
    public static readonly TimeSpan EarlyLifetime = TimeSpan.FromMinutes(10);

    private static readonly Dictionary<string, int> Ranks = new(StringComparer.Ordinal)
    {
        ["accepted"] = 1, ["scheduled"] = 1, ["queued"] = 1, ["sending"] = 2, ["sent"] = 3, ["delivered"] = 4, ["read"] = 5,
        ["failed"] = 6, ["undelivered"] = 6, ["canceled"] = 6,
    };

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// Where Twilio posts the states: <c>Twilio:BaseUrlOverride</c> when set, else this host as the agent's
    /// request reached it (through trusted proxies only); null when neither is known.
    /// </summary>
    public Uri? CallbackUrl()
    {
        var configured = twilio.Value.BaseUrlOverride;
        if (!string.IsNullOrEmpty(configured))
        {
            return new Uri(configured.TrimEnd('/') + MessagingPaths.Status, UriKind.Absolute);
        }

        return http.HttpContext?.Request is { } request
            ? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{MessagingPaths.Status}", UriKind.Absolute)
            : null;
    }

    /// <summary>Maps <paramref name="messageSid"/> to the agent's line <paramref name="seq"/>, then applies any state that came first.</summary>
    public async Task TrackAsync(string sessionId, long seq, string messageSid, CancellationToken cancellationToken = default)
    {
        await Db.StringSetAsync(ConversationKeys.MessageSid(messageSid), $"{sessionId} {seq.ToString(CultureInfo.InvariantCulture)}",
            sessions.Value.Lifetime).WaitAsync(cancellationToken).ConfigureAwait(false);
        await ApplyEarlyAsync(sessionId, seq, messageSid, cancellationToken).ConfigureAwait(false);
    }

    public async Task ReportAsync(MessageStatusUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!Ranks.ContainsKey(update.Status))
        {
            return;
        }

        if (await FindAsync(update.MessageSid, cancellationToken).ConfigureAwait(false) is { } line)
        {
            await ApplyAsync(line.SessionId, line.Seq, update, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Kept for the send still on its way back; looked for again in case its SID was mapped meanwhile.
        var early = ConversationKeys.EarlyStatuses(update.MessageSid);
        var transaction = Db.CreateTransaction();
        _ = transaction.HashSetAsync(early, update.Status, update.ErrorCode?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        _ = transaction.KeyExpireAsync(early, EarlyLifetime);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (await FindAsync(update.MessageSid, cancellationToken).ConfigureAwait(false) is { } mapped)
        {
            await ApplyEarlyAsync(mapped.SessionId, mapped.Seq, update.MessageSid, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(string SessionId, long Seq)?> FindAsync(string messageSid, CancellationToken cancellationToken)
    {
        var value = await Db.StringGetAsync(ConversationKeys.MessageSid(messageSid)).WaitAsync(cancellationToken).ConfigureAwait(false);
        var parts = value.IsNullOrEmpty ? [] : value.ToString().Split(' ');
        return parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? (parts[0], seq) : null;
    }

    private async Task ApplyEarlyAsync(string sessionId, long seq, string messageSid, CancellationToken cancellationToken)
    {
        var taken = (RedisResult[]?)await ConversationScripts.TakeAll.RunAsync(Db, [ConversationKeys.EarlyStatuses(messageSid)], cancellationToken: cancellationToken).ConfigureAwait(false) ?? [];
        var early = new List<MessageStatusUpdate>();
        for (var i = 0; i + 1 < taken.Length; i += 2)
        {
            var code = taken[i + 1].ToString();
            early.Add(new MessageStatusUpdate(messageSid, taken[i].ToString(),
                int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null));
        }

        // In the order Twilio moves a message, so each one that still moves it forward is published.
        foreach (var update in early.Where(u => Ranks.ContainsKey(u.Status)).OrderBy(u => Ranks[u.Status]))
        {
            await ApplyAsync(sessionId, seq, update, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ApplyAsync(string sessionId, long seq, MessageStatusUpdate update, CancellationToken cancellationToken)
    {
        var rank = Ranks[update.Status];
        var moved = (int)await ConversationScripts.AdvanceDelivery.RunAsync(Db, [ConversationKeys.Delivery(sessionId)],
            [seq, rank, update.Status, (long)sessions.Value.Lifetime.TotalMilliseconds], cancellationToken).ConfigureAwait(false);
        if (moved != 1)
        {
            ConversationLog.DeliveryIgnored(logger, sessionId, seq, update.Status);
            return;
        }

        var final = rank == 6 && update.Status != "canceled";
        var data = new ChatDelivery(seq, update.MessageSid, update.Status, final ? update.ErrorCode : null, final ? DeliveryErrors.For(update.ErrorCode) : null);
        await events.PublishAsync(sessionId, EventKinds.ChatDelivery, EventAuthor.System, data,
            messageId: $"delivery:{update.MessageSid}:{update.Status}", cancellationToken: cancellationToken).ConfigureAwait(false);
        ConversationLog.Delivery(logger, sessionId, seq, update.Status, update.ErrorCode);
    }
}

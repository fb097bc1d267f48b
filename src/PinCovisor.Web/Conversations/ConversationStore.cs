using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using PhoneBridge.Calls;
using PhoneBridge.Messaging;
using PinCovisor.Web.Retention;
using PinCovisor.Web.Sessions;
using StackExchange.Redis;

namespace PinCovisor.Web.Conversations;

/// <summary>The customer of a conversation: where to answer, and how the console names them.</summary>
/// <param name="Channel">WhatsApp or SMS.</param>
/// <param name="Address">The customer's address as Twilio spells it (<c>whatsapp:+34600111222</c>).</param>
/// <param name="MaskedNumber">The number as agents see it (<see cref="PhoneNumberMask"/>).</param>
/// <param name="Name">The WhatsApp profile name, when the customer's app sent one.</param>
/// <param name="LastInboundAt">When the customer's last message arrived (it opens WhatsApp's 24-hour window); null when none is on record.</param>
internal sealed record ConversationCustomer(MessageChannel Channel, string Address, string MaskedNumber, string? Name, DateTimeOffset? LastInboundAt = null);

/// <summary>
/// Conversations in Redis: one open session per customer address, found through an index named by
/// the address's hash; the address itself is kept only in the session's slot, encrypted with the
/// hosts' Data Protection key ring (as call-back numbers are).
/// </summary>
internal sealed class ConversationStore(
    IConnectionMultiplexer redis, RedisSessionStore sessions, IDataProtectionProvider protection, IOptions<SessionsOptions> options, TimeProvider time,
    CustomerIndex customers)
{
    private const string LastInboundField = "lastInbound";

    private readonly IDataProtector _protector = protection.CreateProtector("PinCovisor.Conversations.Address");

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// The address's open conversation, or a new one (nobody in charge) when it has none; <c>Opened</c>
    /// is true for the one caller that opened it, however many messages arrive at once.
    /// </summary>
    public async Task<(CovisorSession Session, bool Opened)> FindOrOpenAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var index = ConversationKeys.Open(ConversationKeys.Hash(message.Address));
        // Three rounds: each either finds an open session, opens one, or clears a closed one's index.
        for (var round = 0; round < 3; round++)
        {
            var id = await Db.StringGetAsync(index).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!id.IsNullOrEmpty)
            {
                var found = await sessions.GetAsync(id.ToString(), cancellationToken).ConfigureAwait(false);
                if (found is { IsClosed: false })
                {
                    return (found, false);
                }

                await ConversationScripts.ForgetIfSame.RunAsync(Db, [index], [id], cancellationToken).ConfigureAwait(false);
                continue;
            }

            // Written whole before it is offered to the index: whoever reads the index finds the customer.
            var origin = message.Channel == MessageChannel.WhatsApp ? SessionOrigin.WhatsApp : SessionOrigin.Sms;
            var candidate = await sessions.OpenForMessagingAsync(origin, cancellationToken).ConfigureAwait(false);
            await WriteCustomerAsync(candidate.Id, message, cancellationToken).ConfigureAwait(false);
            if (await Db.StringSetAsync(index, candidate.Id, options.Value.Lifetime, When.NotExists).WaitAsync(cancellationToken).ConfigureAwait(false))
            {
                await customers.AddConversationAsync(message.Address, candidate.Id, cancellationToken).ConfigureAwait(false);
                return (candidate, true);
            }

            await Db.KeyDeleteAsync([SessionKeys.Session(candidate.Id), ConversationKeys.Record(candidate.Id)])
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"No conversation could be found or opened for message {message.MessageSid}.");
    }

    /// <summary>The conversation's customer, or null when the session is not a conversation (or is gone).</summary>
    public async Task<ConversationCustomer?> GetCustomerAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        var hash = SessionRecords.Hash(await Db.HashGetAllAsync(ConversationKeys.Record(sessionId)).WaitAsync(cancellationToken).ConfigureAwait(false));
        if (!hash.TryGetValue("address", out var sealedAddress) || !Enum.TryParse<MessageChannel>(hash.GetValueOrDefault("channel"), out var channel))
        {
            return null;
        }

        DateTimeOffset? lastInbound = long.TryParse(hash.GetValueOrDefault(LastInboundField), out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        return new ConversationCustomer(channel, _protector.Unprotect(sealedAddress), hash.GetValueOrDefault("masked") ?? PhoneNumberMask.Unknown,
            hash.GetValueOrDefault("name"), lastInbound);
    }

    /// <summary>Records that the customer wrote now: WhatsApp's 24-hour window opens again from this instant.</summary>
    public Task RecordInboundAsync(string sessionId, CancellationToken cancellationToken = default) =>
        ConversationScripts.SetIfRecorded.RunAsync(Db, [ConversationKeys.Record(sessionId)],
            [LastInboundField, time.GetUtcNow().ToUnixTimeMilliseconds()], cancellationToken);

    /// <summary>Moves the customer's last message back by <paramref name="by"/> (the demo's "24 h later"); false when the conversation has none on record.</summary>
    public async Task<bool> MoveInboundBackAsync(string sessionId, TimeSpan by, CancellationToken cancellationToken = default)
    {
        var moved = await ConversationScripts.AddIfPresent.RunAsync(Db, [ConversationKeys.Record(sessionId)],
            [LastInboundField, -(long)by.TotalMilliseconds], cancellationToken).ConfigureAwait(false);
        return (int)moved == 1;
    }

    /// <summary>When WhatsApp's window closed, if it is closed now; null while free text is allowed (always for SMS).</summary>
    public async Task<DateTimeOffset?> WindowClosedAtAsync(string sessionId, CancellationToken cancellationToken = default) =>
        ConversationWindow.ClosesAt(await GetCustomerAsync(sessionId, cancellationToken).ConfigureAwait(false)) is { } closesAt
            && closesAt <= time.GetUtcNow() ? closesAt : null;

    /// <summary>The address's open conversation's session id, or null.</summary>
    public async Task<string?> FindOpenAsync(string address, CancellationToken cancellationToken = default)
    {
        var id = await Db.StringGetAsync(ConversationKeys.Open(ConversationKeys.Hash(address))).WaitAsync(cancellationToken).ConfigureAwait(false);
        return id.IsNullOrEmpty ? null : id.ToString();
    }

    /// <summary>Records that the agent's event <paramref name="seq"/> is being sent; false when it already was.</summary>
    public async Task<bool> TryMarkSentAsync(string sessionId, long seq, CancellationToken cancellationToken = default)
    {
        var key = ConversationKeys.Sent(sessionId);
        var marked = await Db.HashSetAsync(key, seq, 1, When.NotExists).WaitAsync(cancellationToken).ConfigureAwait(false);
        await Db.KeyExpireAsync(key, options.Value.Lifetime).WaitAsync(cancellationToken).ConfigureAwait(false);
        return marked;
    }

    /// <summary>Forgets a mark of <see cref="TryMarkSentAsync"/> after Twilio refused the message, so sending it again tries again.</summary>
    public Task UnmarkSentAsync(string sessionId, long seq) => Db.HashDeleteAsync(ConversationKeys.Sent(sessionId), seq);

    /// <summary>True when the agent's event <paramref name="seq"/> was handed to Twilio already (or is being).</summary>
    public Task<bool> IsSentAsync(string sessionId, long seq, CancellationToken cancellationToken = default) =>
        Db.HashExistsAsync(ConversationKeys.Sent(sessionId), seq).WaitAsync(cancellationToken);

    public async Task<string?> LastAgentAsync(string address, CancellationToken cancellationToken = default)
    {
        var agent = await Db.StringGetAsync(ConversationKeys.LastAgent(ConversationKeys.Hash(address))).WaitAsync(cancellationToken).ConfigureAwait(false);
        return agent.IsNullOrEmpty ? null : agent.ToString();
    }

    public Task RememberAgentAsync(string address, string agent, TimeSpan memory, CancellationToken cancellationToken = default) =>
        Db.StringSetAsync(ConversationKeys.LastAgent(ConversationKeys.Hash(address)), agent, memory).WaitAsync(cancellationToken);

    public Task AddWaitingAsync(CovisorSession session, CancellationToken cancellationToken = default) =>
        Db.SortedSetAddAsync(ConversationKeys.Waiting, session.Id, session.CreatedAt.ToUnixTimeMilliseconds()).WaitAsync(cancellationToken);

    /// <summary>The conversations nobody is in charge of, oldest first; taken, closed and expired ones leave the set.</summary>
    public async Task<IReadOnlyList<CovisorSession>> ListWaitingAsync(CancellationToken cancellationToken = default)
    {
        var ids = await Db.SortedSetRangeByRankAsync(ConversationKeys.Waiting).WaitAsync(cancellationToken).ConfigureAwait(false);
        var found = await Task.WhenAll(ids.Select(id => sessions.GetAsync(id.ToString(), cancellationToken))).ConfigureAwait(false);
        var waiting = new List<CovisorSession>();
        for (var i = 0; i < ids.Length; i++)
        {
            if (found[i] is { IsClosed: false, AgentUsername: null } session)
            {
                waiting.Add(session);
            }
            else
            {
                await Db.SortedSetRemoveAsync(ConversationKeys.Waiting, ids[i]).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return waiting;
    }

    /// <summary>Puts <paramref name="agent"/> in charge while nobody is: -1 gone or closed, 0 someone else's, 1 theirs.</summary>
    public async Task<int> TryTakeAsync(string sessionId, string agent, CancellationToken cancellationToken = default)
    {
        if (!SessionIds.IsWellFormed(sessionId, SessionIds.SessionPrefix))
        {
            return -1;
        }

        var result = (int)await ConversationScripts.Take.RunAsync(Db, [SessionKeys.Session(sessionId)], [agent], cancellationToken).ConfigureAwait(false);
        if (result == 1)
        {
            await Db.SortedSetRemoveAsync(ConversationKeys.Waiting, sessionId).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task WriteCustomerAsync(string sessionId, InboundMessage message, CancellationToken cancellationToken)
    {
        var fields = new List<HashEntry>
        {
            new("channel", message.Channel.ToString()),
            new("address", _protector.Protect(message.Address)),
            new("masked", PhoneNumberMask.Mask(message.Number)),
        };
        if (ConversationText.Name(message.ProfileName) is { } name)
        {
            fields.Add(new HashEntry("name", name));
        }

        var key = ConversationKeys.Record(sessionId);
        var transaction = Db.CreateTransaction();
        _ = transaction.HashSetAsync(key, [.. fields]);
        _ = transaction.KeyExpireAsync(key, options.Value.Lifetime);
        await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PhoneBridge.Agents;
using PhoneBridge.Calls;
using PhoneBridge.Ivr;
using PinCovisor.Web.Agents;
using PinCovisor.Web.Auth;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Hub;

/// <summary>
/// The real-time side of a session at <c>/hubs/covisor</c>. Every method names its session and is
/// checked against the store (<see cref="HubAccess"/>); every lasting change goes through the
/// session's event log before anyone hears of it. The protocol is in docs/hub-protocol.md.
/// </summary>
[Authorize(Policy = CovisorClaims.ParticipantPolicy)]
internal sealed partial class CovisorHub : Microsoft.AspNetCore.SignalR.Hub<ICovisorClient>
{
    private readonly HubAccess _access;
    private readonly SessionEvents _events;
    private readonly CustomerCopies _customers;
    private readonly SessionEventLog _log;
    private readonly HubConnections _connections;
    private readonly RedisSessionStore _store;
    private readonly IAgentDirectory _agents;
    private readonly ShareSources _sources;
    private readonly SessionLifecycle _lifecycle;
    private readonly ISessionNotifier _notifier;
    private readonly RedisAgentPresence _presence;
    private readonly RedisCallStore _calls;
    private readonly CallTransfers _transfers;
    private readonly TimeProvider _time;
    private readonly CovisorHubOptions _options;
    private readonly ILogger<CovisorHub> _logger;

    public CovisorHub(
        HubAccess access,
        SessionEvents events,
        CustomerCopies customers,
        SessionEventLog log,
        HubConnections connections,
        RedisSessionStore store,
        IAgentDirectory agents,
        ShareSources sources,
        SessionLifecycle lifecycle,
        ISessionNotifier notifier,
        RedisAgentPresence presence,
        RedisCallStore calls,
        CallTransfers transfers,
        TimeProvider time,
        IOptions<CovisorHubOptions> options,
        ILogger<CovisorHub> logger)
    {
        _access = access;
        _events = events;
        _customers = customers;
        _log = log;
        _connections = connections;
        _store = store;
        _agents = agents;
        _sources = sources;
        _lifecycle = lifecycle;
        _notifier = notifier;
        _presence = presence;
        _calls = calls;
        _transfers = transfers;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    private HubConnectionState State => HubConnectionState.Of(Context);

    private CancellationToken Aborted => Context.ConnectionAborted;

    /// <summary>
    /// Joins the session's live events and returns what the caller missed after <paramref name="lastSeq"/>
    /// (0 for everything). Call it on every (re)connection; calling it again is harmless.
    /// </summary>
    public async Task<JoinResult> JoinSession(string sessionId, long lastSeq)
    {
        var caller = State.Caller;
        if (!caller.IsAgent)
        {
            if (sessionId != caller.CustomerSession)
            {
                throw HubErrors.NotInSession();
            }

            if (await CustomerAdmissionAsync(sessionId, caller.Subject).ConfigureAwait(false) == AdmissionState.Pending)
            {
                var waiting = await _store.GetAsync(sessionId, Aborted).ConfigureAwait(false) ?? throw HubErrors.NotInSession();
                return new JoinResult(sessionId, "pending", _customers.InCharge(waiting.AgentUsername), [], 0, false, false, null, _time.GetUtcNow(),
                    await CallOfAsync(waiting).ConfigureAwait(false));
            }
        }

        await _access.RequireAsync(Context, sessionId, fresh: true, Aborted).ConfigureAwait(false);
        // Group first, log second: whatever is appended from now on is pushed, whatever was
        // appended before is in the page read below. Overlaps are deduplicated by seq on the client.
        _connections.Track(sessionId, Context);
        await AddToGroupsAsync(HubGroups.Reader(sessionId, caller.IsAgent)).ConfigureAwait(false);
        if (!caller.IsAgent)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Lobby(sessionId), Aborted).ConfigureAwait(false);
        }

        var page = await _log.ReadAsync(sessionId, lastSeq, _options.ReplayPageSize, _options.ReplayPageBytes, Aborted).ConfigureAwait(false);
        var reset = lastSeq > page.LatestSeq;
        if (reset)
        {
            page = await _log.ReadAsync(sessionId, 0, _options.ReplayPageSize, _options.ReplayPageBytes, Aborted).ConfigureAwait(false);
        }

        // Asked again after joining: an end or transfer that raced the join is seen here, or else
        // its control message (published after it) finds this connection tracked and drops it.
        CovisorSession session;
        try
        {
            session = await _access.RequireAsync(Context, sessionId, fresh: true, Aborted).ConfigureAwait(false);
        }
        catch (HubException)
        {
            await LeaveSession(sessionId).ConfigureAwait(false);
            throw;
        }

        var video = await _log.LatestVideoAsync(sessionId, Aborted).ConfigureAwait(false);
        var hasMore = page.Events.Count > 0 && page.Events[^1].Seq < page.LatestSeq;
        HubLog.Joined(_logger, Context.ConnectionId, sessionId, lastSeq, page.Events.Count);
        var call = await CallOfAsync(session).ConfigureAwait(false);
        return caller.IsAgent
            ? new JoinResult(sessionId, "admitted", _agents.InCharge(session.AgentUsername), page.Events, page.LatestSeq,
                hasMore, reset, video, _time.GetUtcNow(), call)
            : new JoinResult(sessionId, "admitted", _customers.InCharge(session.AgentUsername), [.. page.Events.Select(_customers.Of)],
                page.LatestSeq, hasMore, reset, video is null ? null : _customers.Of(video), _time.GetUtcNow(), call);
    }

    private async Task<CallStatusChanged?> CallOfAsync(CovisorSession session) =>
        session.CallSid is { } callSid && await _calls.GetAsync(callSid, Aborted).ConfigureAwait(false) is { } call
            ? CallStatusChanged.Of(call)
            : null;

    /// <summary>Stops the session's live events on this connection.</summary>
    public async Task LeaveSession(string sessionId)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return;
        }

        _connections.Untrack(sessionId, Context);
        State.Forget(sessionId);
        foreach (var group in HubGroups.Reader(sessionId, State.Caller.IsAgent))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group, Aborted).ConfigureAwait(false);
        }
    }

    /// <summary>The server's clock, for estimating the offset to the client's (video sync).</summary>
    public DateTimeOffset Clock() => _time.GetUtcNow();

    /// <summary>A customer's admission, refusing closed sessions and rejected or unknown participants.</summary>
    private async Task<AdmissionState> CustomerAdmissionAsync(string sessionId, string participantId)
    {
        var session = await _store.GetAsync(sessionId, Aborted).ConfigureAwait(false) ?? throw HubErrors.NotInSession();
        if (session.IsClosed)
        {
            throw HubErrors.Ended();
        }

        var participant = await _store.GetParticipantAsync(sessionId, participantId, Aborted).ConfigureAwait(false)
            ?? throw HubErrors.NotInSession();
        return participant.Admission == AdmissionState.Rejected ? throw HubErrors.Rejected() : participant.Admission;
    }

    /// <summary>
    /// Sends a signal that is not logged to the session's other readers: an agent's goes whole to
    /// agents and without their username to customers, a customer's once to everyone.
    /// </summary>
    private Task SignalAsync(string sessionId, Func<ICovisorClient, Task> send, Func<ICovisorClient, Task> sendToCustomers) =>
        State.Caller.IsAgent
            ? Task.WhenAll(
                send(Clients.OthersInGroup(HubGroups.SessionAgents(sessionId))),
                sendToCustomers(Clients.Group(HubGroups.SessionCustomers(sessionId))))
            : send(Clients.OthersInGroup(HubGroups.Session(sessionId)));

    /// <summary>Checks access, then records and broadcasts one event; returns its sequence number.</summary>
    private async Task<long> PublishAsync(string sessionId, string kind, object data, string? messageId = null)
    {
        await _access.RequireAsync(Context, sessionId, cancellationToken: Aborted).ConfigureAwait(false);
        var appended = await _events.PublishAsync(sessionId, kind, State.Caller.Author, data, messageId: messageId,
            cancellationToken: Aborted).ConfigureAwait(false);
        return appended.Seq;
    }
}

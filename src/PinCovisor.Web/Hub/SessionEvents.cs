using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace PinCovisor.Web.Hub;

/// <summary>
/// Appends an event to its session's log, then pushes it, numbered, to the session's group and any
/// extra groups. Append first, broadcast second: a client that joined the group and then read the
/// log can miss nothing (see docs/hub-protocol.md, "Ordering").
/// </summary>
internal sealed class SessionEvents(SessionEventLog log, IHubContext<CovisorHub, ICovisorClient> hub, TimeProvider time)
{
    /// <summary>Records and broadcasts one event; returns it with its sequence number.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="kind">One of <see cref="EventKinds"/>.</param>
    /// <param name="author">Who caused it.</param>
    /// <param name="data">The kind's payload record.</param>
    /// <param name="alsoTo">Groups besides the session's that must hear it (lobby, one participant, one agent).</param>
    /// <param name="messageId">Makes the append idempotent: a second event with the same id is neither appended nor sent.</param>
    /// <param name="cancellationToken">Stops waiting; an append already sent still lands.</param>
    public async Task<CovisorEvent> PublishAsync(
        string sessionId,
        string kind,
        EventAuthor author,
        object data,
        IReadOnlyList<string>? alsoTo = null,
        string? messageId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var draft = new CovisorEvent(0, sessionId, kind, time.GetUtcNow(), author,
            JsonSerializer.SerializeToElement(data, data.GetType(), CovisorEvent.JsonOptions));
        var (appended, isNew) = await log.AppendAsync(draft, messageId, cancellationToken).ConfigureAwait(false);
        if (isNew)
        {
            // Not cancelled with the caller: once in the log, the event must reach the live members too.
            await hub.Clients.Groups([HubGroups.Session(sessionId), .. alsoTo ?? []]).SessionEvent(appended).ConfigureAwait(false);
        }

        return appended;
    }
}

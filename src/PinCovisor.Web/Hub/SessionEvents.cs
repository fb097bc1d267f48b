using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace PinCovisor.Web.Hub;

/// <summary>
/// Appends an event to its session's log, then pushes it, numbered, to the session's readers and any
/// extra groups. Append first, broadcast second: a client that joined the group and then read the
/// log can miss nothing (see docs/hub-protocol.md, "Ordering"). Customers get the event without
/// agents' usernames (<see cref="CustomerCopies"/>): one send when it names no agent, two when it does.
/// </summary>
internal sealed class SessionEvents(
    SessionEventLog log, CustomerCopies customers, IHubContext<CovisorHub, ICovisorClient> hub, TimeProvider time, Orders.OrderMentions mentions,
    Insight.InsightCounters insight)
{
    /// <summary>Records and broadcasts one event; returns it with its sequence number.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="kind">One of <see cref="EventKinds"/>.</param>
    /// <param name="author">Who caused it.</param>
    /// <param name="data">The kind's payload record.</param>
    /// <param name="toAgents">Agents' groups besides the session's readers that must hear it (one agent's own group).</param>
    /// <param name="toCustomers">Customers' groups besides the session's readers that must hear it (lobby, one participant).</param>
    /// <param name="messageId">Makes the append idempotent: a second event with the same id is neither appended nor sent.</param>
    /// <param name="cancellationToken">Stops waiting; an append already sent still lands.</param>
    public async Task<CovisorEvent> PublishAsync(
        string sessionId,
        string kind,
        EventAuthor author,
        object data,
        IReadOnlyList<string>? toAgents = null,
        IReadOnlyList<string>? toCustomers = null,
        string? messageId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data is ChatMessage { Orders: { Count: > 0 } found })
        {
            // Before the line is seen: an agent who clicks its order number finds it recorded.
            await mentions.RecordAsync(sessionId, found.Select(o => o.Number), cancellationToken).ConfigureAwait(false);
        }

        var draft = new CovisorEvent(0, sessionId, kind, time.GetUtcNow(), author,
            JsonSerializer.SerializeToElement(data, data.GetType(), CovisorEvent.JsonOptions));
        var (appended, isNew) = await log.AppendAsync(draft, messageId, cancellationToken).ConfigureAwait(false);
        if (!isNew)
        {
            return appended;
        }

        // Not cancelled with the caller: once in the log, the event must reach the live members too.
        var clients = hub.Clients;
        if (!CustomerCopies.Differ(appended))
        {
            await clients.Groups([HubGroups.Session(sessionId), .. toAgents ?? [], .. toCustomers ?? []])
                .SessionEvent(appended).ConfigureAwait(false);
        }
        else
        {
            await Task.WhenAll(
                clients.Groups([HubGroups.SessionAgents(sessionId), .. toAgents ?? []]).SessionEvent(appended),
                clients.Groups([HubGroups.SessionCustomers(sessionId), .. toCustomers ?? []]).SessionEvent(customers.Of(appended)))
                .ConfigureAwait(false);
        }

        // After the members have it: counting must not delay what they see.
        await insight.ObserveAsync(appended, CancellationToken.None).ConfigureAwait(false);
        return appended;
    }
}

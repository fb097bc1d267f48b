using System.Collections.Frozen;
using System.Text.Json;
using PhoneBridge.Agents;
using PinCovisor.Web.Auth;

namespace PinCovisor.Web.Hub;

/// <summary>
/// What customers receive where agents receive a username: the same with display names only. Events
/// that name no agent (a customer's or the system's, except <c>agent.changed</c>) are not copied, so
/// they still go out once to the whole session. Agents-only events (<c>chat.delivery</c>: Twilio's
/// message SIDs, error codes and reasons written for the agent) reach customers as a bare
/// <c>event.hidden</c> with the same seq, which keeps their numbering free of holes. Customers' <c>session.ended</c>
/// adds the satisfaction survey's token (<see cref="Csat.CsatTickets"/>). The stored log keeps everything; this is applied
/// on the way out (pushes, replays, signals). See docs/hub-protocol.md, "Who sees what".
/// </summary>
internal sealed class CustomerCopies(IAgentDirectory agents, Csat.CsatTickets csat)
{
    private static readonly FrozenSet<string> AgentsOnly = FrozenSet.Create(StringComparer.Ordinal, EventKinds.ChatDelivery, EventKinds.OrderKeyed);

    private static readonly JsonElement Nothing = JsonSerializer.SerializeToElement(new { });

    /// <summary>True when customers must get a copy of <paramref name="e"/> other than the agents'.</summary>
    public static bool Differ(CovisorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Author.Role == CovisorClaims.AgentRole || e.Kind == EventKinds.AgentChanged || AgentsOnly.Contains(e.Kind)
            || e.Kind == EventKinds.SessionEnded;
    }

    /// <summary>The event as customers receive it; the same instance when it names no agent.</summary>
    public CovisorEvent Of(CovisorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!Differ(e))
        {
            return e;
        }

        if (AgentsOnly.Contains(e.Kind))
        {
            return e with { Kind = EventKinds.Hidden, Author = EventAuthor.System, Data = Nothing };
        }

        if (e.Kind == EventKinds.SessionEnded && e.Data.ValueKind == JsonValueKind.Object)
        {
            // Customers' copy alone carries the survey's credential (docs/csat.md).
            return e with { Data = csat.CustomerCopy(e) };
        }

        var copy = e with { Author = Of(e.Author) };
        return e.Kind == EventKinds.AgentChanged && e.Data.ValueKind == JsonValueKind.Object
            ? copy with { Data = JsonSerializer.SerializeToElement(Of(e.DataAs<AgentChanged>()), CovisorEvent.JsonOptions) }
            : copy;
    }

    /// <summary>An author as customers see them: an agent keeps role and display name, loses the username.</summary>
    public EventAuthor Of(EventAuthor author)
    {
        ArgumentNullException.ThrowIfNull(author);
        return author.Role != CovisorClaims.AgentRole
            ? author
            // An entry written while this host did not know the agent may carry the username as name.
            : author with { Id = null, Name = author.Name is null || author.Name == author.Id ? agents.DisplayName(author.Id) : author.Name };
    }

    public TypingSignal Of(TypingSignal signal) => signal with { Author = Of(signal.Author) };

    public PointerSignal Of(PointerSignal signal) => signal with { Author = Of(signal.Author) };

    /// <summary>The agent in charge as customers see them: the display name alone; null while nobody is.</summary>
    public AgentInfo? InCharge(string? username) => username is null ? null : new AgentInfo(null, agents.DisplayName(username));

    private CustomerAgentChanged Of(AgentChanged changed) => new(
        changed.DisplayName == changed.Agent ? agents.DisplayName(changed.Agent) : changed.DisplayName,
        changed.PreviousAgent is { } previous ? agents.DisplayName(previous) : null);
}

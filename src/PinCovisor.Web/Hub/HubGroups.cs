namespace PinCovisor.Web.Hub;

/// <summary>
/// SignalR group names. Groups are how an event reaches exactly the people allowed to see it. A
/// reader of a session is in <see cref="Session"/> and in the group of their audience, so an event
/// with nothing to hide from customers goes out once, and one naming agents goes out twice: whole to
/// <see cref="SessionAgents"/>, without usernames to <see cref="SessionCustomers"/> (see <see cref="CustomerCopies"/>).
/// </summary>
internal static class HubGroups
{
    /// <summary>Everyone who may read the session: the agent in charge and admitted customers.</summary>
    public static string Session(string sessionId) => "session:" + sessionId;

    /// <summary>The session's readers who are agents (the agent in charge).</summary>
    public static string SessionAgents(string sessionId) => "session-agents:" + sessionId;

    /// <summary>The session's readers who are customers (admitted devices).</summary>
    public static string SessionCustomers(string sessionId) => "session-customers:" + sessionId;

    /// <summary>The session's waiting room: customers not yet admitted (agent and end-of-session news only).</summary>
    public static string Lobby(string sessionId) => "lobby:" + sessionId;

    /// <summary>One customer's devices, for their own admission news.</summary>
    public static string Participant(string sessionId, string participantId) => $"participant:{sessionId}:{participantId}";

    /// <summary>One agent's connections, for news of sessions they have not joined yet.</summary>
    public static string Agent(string username) => "agent:" + username;

    /// <summary>The groups a reader of the session joins.</summary>
    public static IEnumerable<string> Reader(string sessionId, bool isAgent) =>
        [Session(sessionId), isAgent ? SessionAgents(sessionId) : SessionCustomers(sessionId)];

    /// <summary>Every session group a connection of this caller may be in.</summary>
    public static IEnumerable<string> All(string sessionId, HubCaller caller) => caller.IsAgent
        ? [Session(sessionId), SessionAgents(sessionId)]
        : [Session(sessionId), SessionCustomers(sessionId), Lobby(sessionId), Participant(sessionId, caller.Subject)];
}

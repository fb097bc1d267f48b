namespace PinCovisor.Web.Hub;

/// <summary>SignalR group names. Groups are how an event reaches exactly the people allowed to see it.</summary>
internal static class HubGroups
{
    /// <summary>Everyone who may read the session: the agent in charge and admitted customers.</summary>
    public static string Session(string sessionId) => "session:" + sessionId;

    /// <summary>The session's waiting room: customers not yet admitted (agent and end-of-session news only).</summary>
    public static string Lobby(string sessionId) => "lobby:" + sessionId;

    /// <summary>One customer's devices, for their own admission news.</summary>
    public static string Participant(string sessionId, string participantId) => $"participant:{sessionId}:{participantId}";

    /// <summary>One agent's connections, for news of sessions they have not joined yet.</summary>
    public static string Agent(string username) => "agent:" + username;
}

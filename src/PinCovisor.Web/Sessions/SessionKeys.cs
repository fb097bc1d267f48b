using PinCovisor.Web.Redis;
using StackExchange.Redis;

namespace PinCovisor.Web.Sessions;

/// <summary>The Redis keys of sessions, participants and their indexes.</summary>
internal static class SessionKeys
{
    /// <summary>The session's record (hash: origin, call, agent, created, ended, closed).</summary>
    public static RedisKey Session(string sessionId) => CovisorKeys.SessionScoped(sessionId, "session");

    /// <summary>The session's participant ids (sorted set scored by join time, Unix ms).</summary>
    public static RedisKey Participants(string sessionId) => CovisorKeys.SessionScoped(sessionId, "participants");

    /// <summary>One participant (hash: admission, device, joined, token id).</summary>
    public static RedisKey Participant(string sessionId, string participantId) =>
        CovisorKeys.SessionScoped(sessionId, "participant:" + SessionIds.Checked(participantId));

    /// <summary>The session of a call (string, written once with SET NX).</summary>
    public static RedisKey CallSession(string callSid) => CovisorKeys.Global("call-session", callSid);

    /// <summary>The sessions an agent is in charge of (set of session ids; closed ones are pruned on read).</summary>
    public static RedisKey AgentSessions(string agentUsername) => CovisorKeys.Global("agent-sessions", agentUsername);

    /// <summary>Sessions whose call ended, scored by when they close (Unix ms).</summary>
    public static RedisKey Closing => CovisorKeys.Global("sessions", "closing");

    /// <summary>A second-device code (string: session id and expiry), named by the code's SHA-256 in hex.</summary>
    public static RedisKey DeviceCode(string codeHash) => CovisorKeys.Global("device-code", codeHash);

    /// <summary>Failed joins of one client bucket in its current window (counter).</summary>
    public static RedisKey ClientFailures(string bucket) => Throttle("client", bucket);

    /// <summary>Failed joins of all clients in one global window (counter), named by the window's number since the epoch.</summary>
    public static RedisKey GlobalFailures(long window) =>
        Throttle("global", window.ToString(System.Globalization.CultureInfo.InvariantCulture));

    // Both counters share the {join-throttle} tag: one script reads or bumps both, so they must
    // live in one Cluster slot. The traffic is one small counter per guessing client.
    private static RedisKey Throttle(string kind, string id) =>
        CovisorKeys.Global("{join-throttle}:" + kind, id);
}

using System.ComponentModel.DataAnnotations;

namespace PinCovisor.Web.Sessions;

/// <summary>Body of <c>POST /api/join</c>.</summary>
internal sealed record PinJoinRequest(string? Pin);

/// <summary>Body of <c>POST /api/join/device</c>.</summary>
internal sealed record DeviceJoinRequest(string? Code);

/// <summary>The agent as a customer sees them.</summary>
internal sealed record AgentForCustomer(string DisplayName);

/// <summary>What a joiner gets: their session, their bearer token, who they are with, whether they are in yet.</summary>
/// <param name="SessionId">The session joined.</param>
/// <param name="Token">The customer's bearer token for this session only (the only copy).</param>
/// <param name="Agent">The agent in charge; null while nobody has answered (the page says "an agent").</param>
/// <param name="Admission"><c>pending</c> (waiting room) or <c>admitted</c>.</param>
internal sealed record JoinResponse(
    string SessionId, string Token, AgentForCustomer? Agent, [property: AllowedValues(JoinJson.Pending, JoinJson.Admitted)] string Admission);

/// <summary>How a join attempt ended.</summary>
internal abstract record JoinOutcome
{
    /// <summary>In the session (admitted or waiting).</summary>
    public sealed record Joined(JoinResponse Response) : JoinOutcome;

    /// <summary>Wrong, expired or used PIN or code, with no way to tell which.</summary>
    public sealed record Refused : JoinOutcome;

    /// <summary>Too many failures from this client; nothing was tried.</summary>
    public sealed record TooManyAttempts(TimeSpan RetryAfter) : JoinOutcome;
}

/// <summary>How admission states and agents are written in the JSON APIs.</summary>
internal static class JoinJson
{
    public const string Pending = "pending";
    public const string Admitted = "admitted";
    public const string Rejected = "rejected";

    public static string Admission(AdmissionState state) => state switch
    {
        AdmissionState.Pending => Pending,
        AdmissionState.Admitted => Admitted,
        AdmissionState.Rejected => Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not an admission state."),
    };

    /// <summary>The agent as customers see them: the display name, never the username (not even as a fallback).</summary>
    public static AgentForCustomer? Agent(PhoneBridge.Agents.IAgentDirectory agents, string? username) =>
        agents.FindByUsername(username) is not null ? new AgentForCustomer(Hub.AgentDisplayNames.DisplayName(agents, username)) : null;
}

using System.ComponentModel.DataAnnotations;

namespace PinCovisor.Web.Agents;

/// <summary>Body of <c>POST /api/agents/login</c>.</summary>
public sealed record LoginRequest(string? Username, string? Password);

/// <summary>An agent as they see themselves.</summary>
public sealed record AgentView(string Username, string DisplayName, bool IsAdmin)
{
    internal static AgentView Of(AgentAccount account) => new(account.Username, account.DisplayName, account.IsAdmin);
}

/// <summary>Answer of a successful login; the token is shown this once.</summary>
public sealed record LoginResponse(string Token, DateTimeOffset ExpiresAt, AgentView Agent);

/// <summary>Body of <c>PUT /api/agents/me/presence</c>: <c>available</c>, <c>busy</c> or <c>away</c>.</summary>
public sealed record PresenceRequest(string? Status);

/// <summary>An agent in the agents list: display name and presence.</summary>
public sealed record AgentPresenceView(
    string Username, string DisplayName, [property: AllowedValues("available", "busy", "away")] string Status, DateTimeOffset? LastSeen)
{
    internal static AgentPresenceView Of(AgentPresenceEntry entry) =>
        new(entry.Username, entry.DisplayName, AgentStatuses.ToWire(entry.Status), entry.LastSeen);
}

/// <summary>Body of <c>POST /api/admin/agents</c>.</summary>
public sealed record CreateAgentRequest(
    string? Username, string? DisplayName, string? Password, IReadOnlyList<string>? PhoneNumbers, string? ClientIdentity, bool IsAdmin);

/// <summary>An account as admins see it (never its password hash, nor its agent code).</summary>
public sealed record AdminAgentView(
    string Username, string DisplayName, IReadOnlyList<string> PhoneNumbers, string? ClientIdentity,
    bool IsAdmin, bool Disabled, string Origin, DateTimeOffset CreatedAt, bool HasCode)
{
    internal static AdminAgentView Of(AgentAccount a) => new(
        a.Username, a.DisplayName, a.PhoneNumbers, a.ClientIdentity, a.IsAdmin, a.Disabled,
        a.Origin == AgentOrigin.Config ? "config" : "admin", a.CreatedAt, a.HasCode);
}

/// <summary>Body of <c>PUT /api/admin/agents/{username}/code</c>: 6 to 10 digits, or null to remove the code.</summary>
public sealed record AgentCodeRequest(string? Code);

/// <summary>Body of <c>PUT /api/admin/agents/{username}/disabled</c>.</summary>
public sealed record DisabledRequest(bool? Disabled);

/// <summary>A call in the console's live list.</summary>
/// <param name="CallSid">Twilio's id of the caller's leg.</param>
/// <param name="MaskedFrom">The caller's number masked (<c>+34 6•• ••• 222</c>); null when Twilio sent none.</param>
/// <param name="Status">Twilio's spelling: <c>queued</c>, <c>ringing</c> or <c>in-progress</c>.</param>
/// <param name="StartedAt">When PhoneBridge first saw the call.</param>
/// <param name="WaitingSeconds">Whole seconds since <paramref name="StartedAt"/>.</param>
/// <param name="PinState"><c>live</c> (nobody joined yet), <c>redeemed</c> (someone joined) or <c>none</c> (no PIN, or it expired).</param>
/// <param name="AnsweringAgent">Username of the agent who answered or claimed the call, if any.</param>
public sealed record LiveCallView(
    string CallSid, string? MaskedFrom, string Status, DateTimeOffset StartedAt, long WaitingSeconds,
    [property: AllowedValues("live", "redeemed", "none")] string PinState, string? AnsweringAgent);

/// <summary>A call the host ended itself because the phone network sent no news of it for <c>Calls:StaleAfter</c>.</summary>
/// <param name="CallSid">Twilio's id of the caller's leg.</param>
/// <param name="MaskedFrom">The caller's number masked; null when Twilio sent none.</param>
/// <param name="EndedAt">When the host ended it.</param>
/// <param name="NoNewsSeconds">How long the call had gone without news when it was ended.</param>
public sealed record SilentEndView(string CallSid, string? MaskedFrom, DateTimeOffset EndedAt, long NoNewsSeconds);

/// <summary>Body of <c>POST /api/calls/claim</c>: the PIN the caller read out.</summary>
public sealed record ClaimRequest(string? Pin);

/// <summary>Answer of a claim: the call, now bound to the claiming agent, and its session if one was opened.</summary>
public sealed record ClaimResponse(LiveCallView Call, string? SessionId);

/// <summary>Answer of <c>POST /api/calls/{callSid}/pin</c>: the new PIN for the agent to read out.</summary>
/// <param name="CallSid">The call.</param>
/// <param name="Pin">The digits; the caller's previous PIN no longer works.</param>
/// <param name="ExpiresAt">When the new PIN stops being redeemable.</param>
/// <param name="SessionId">The call's open session, which the new PIN joins; null when it has none yet.</param>
public sealed record NewPinResponse(string CallSid, string Pin, DateTimeOffset ExpiresAt, string? SessionId);

/// <summary>Body of <c>POST /api/admin/canned-replies</c>.</summary>
public sealed record CannedReplyRequest(string? Shortcut, string? Text);

namespace PinCovisor.Web.Auth;

/// <summary>What a token lets its holder do.</summary>
public enum AccessKind
{
    /// <summary>An agent (console, API, hub).</summary>
    Agent,

    /// <summary>A customer of exactly one session (<see cref="AccessGrant.SessionId"/>).</summary>
    Customer,
}

/// <summary>The rights behind an access token.</summary>
/// <param name="Kind">Agent or customer.</param>
/// <param name="Subject">The agent's username, or the customer's participant id.</param>
/// <param name="SessionId">The customer's session; null for agents.</param>
/// <param name="ExpiresAt">After this instant the token is refused.</param>
public sealed record AccessGrant(AccessKind Kind, string Subject, string? SessionId, DateTimeOffset ExpiresAt);

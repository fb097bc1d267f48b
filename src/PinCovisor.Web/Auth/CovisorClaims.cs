using System.Security.Claims;

namespace PinCovisor.Web.Auth;

/// <summary>Who a request or hub connection is: an agent, or a customer in one session.</summary>
public static class CovisorClaims
{
    /// <summary>Claim: <c>agent</c> or <c>customer</c>.</summary>
    public const string Role = "covisor:role";

    /// <summary>Claim: the agent's username, or the customer's participant id.</summary>
    public const string Subject = "covisor:sub";

    /// <summary>Claim: the one session a customer belongs to (agents have none).</summary>
    public const string Session = "covisor:session";

    /// <summary>Claim: the token's own id (its hash), so it can be revoked.</summary>
    public const string TokenId = "covisor:token";

    public const string AgentRole = "agent";
    public const string CustomerRole = "customer";

    /// <summary>Authorization policy: any signed-in agent.</summary>
    public const string AgentPolicy = "covisor-agent";

    /// <summary>Authorization policy: an agent, or a customer holding a session token.</summary>
    public const string ParticipantPolicy = "covisor-participant";

    public static bool IsAgent(this ClaimsPrincipal user) => user.HasClaim(Role, AgentRole);

    public static bool IsCustomer(this ClaimsPrincipal user) => user.HasClaim(Role, CustomerRole);

    /// <summary>The agent's username; null for anyone else.</summary>
    public static string? AgentUsername(this ClaimsPrincipal user) => user.IsAgent() ? user.FindFirstValue(Subject) : null;

    /// <summary>The customer's participant id; null for anyone else.</summary>
    public static string? ParticipantId(this ClaimsPrincipal user) => user.IsCustomer() ? user.FindFirstValue(Subject) : null;

    /// <summary>The customer's session; null for agents and anonymous callers.</summary>
    public static string? CustomerSession(this ClaimsPrincipal user) => user.IsCustomer() ? user.FindFirstValue(Session) : null;

    /// <summary>A principal for a grant, as both the cookie and the bearer scheme build it.</summary>
    public static ClaimsPrincipal ToPrincipal(AccessGrant grant, string scheme, string? tokenId = null)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var claims = new List<Claim>
        {
            new(Role, grant.Kind == AccessKind.Agent ? AgentRole : CustomerRole),
            new(Subject, grant.Subject),
            new(ClaimTypes.Name, grant.Subject),
        };
        if (grant.SessionId is not null)
        {
            claims.Add(new Claim(Session, grant.SessionId));
        }

        if (tokenId is not null)
        {
            claims.Add(new Claim(TokenId, tokenId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, Role));
    }
}

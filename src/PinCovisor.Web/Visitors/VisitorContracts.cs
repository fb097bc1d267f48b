using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Visitors;

/// <summary>Body of <c>POST /api/visitors/pageview</c>.</summary>
/// <param name="VisitorId">The visitor's id; absent on the first page view.</param>
/// <param name="VisitorKey">The visitor's secret; absent on the first page view.</param>
/// <param name="Url">The page's address.</param>
/// <param name="Title">The page's title.</param>
/// <param name="InSession">Whether the visitor's widget is in a session (joining, waiting or in), so agents are not offered to invite them.</param>
/// <param name="Heartbeat">True for the reports of a page already counted (it stays open): the visitor stays live, pages seen do not grow.</param>
internal sealed record PageViewRequest(string? VisitorId, string? VisitorKey, string? Url, string? Title, bool? InSession = null, bool? Heartbeat = null);

/// <summary>An invitation handed to the visitor: the session, their customer token, the agent, their admission.</summary>
/// <param name="SessionId">The session the visitor is invited into.</param>
/// <param name="Token">Their customer bearer token, minted as it is handed over (the only copy).</param>
/// <param name="Agent">The agent in charge, by display name only; null when it has none.</param>
/// <param name="Admission"><c>pending</c> (the agent admits them) or <c>admitted</c> (<c>Visitors:Admission=Auto</c>).</param>
internal sealed record InvitationView(
    string SessionId, string Token, AgentForCustomer? Agent, [property: AllowedValues(JoinJson.Pending, JoinJson.Admitted)] string Admission);

/// <summary>Answer to a page view.</summary>
/// <param name="VisitorId">The visitor's id.</param>
/// <param name="VisitorKey">The visitor's secret, only in the answer that minted it.</param>
/// <param name="Invitation">A pending invitation, delivered once; null otherwise.</param>
internal sealed record PageViewResponse(
    string VisitorId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? VisitorKey,
    InvitationView? Invitation);

/// <summary>A live visitor as agents see it; <paramref name="InSession"/> as their widget last reported it.</summary>
internal sealed record VisitorView(
    string VisitorId, string Url, string Title, string? Device, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, long PageViews, bool Invited,
    bool InSession);

/// <summary>Answer to an invitation.</summary>
internal sealed record InviteResponse(string SessionId);

/// <summary>What the store did with a page view.</summary>
internal abstract record PageViewOutcome
{
    public sealed record Recorded(string VisitorId, string? NewKey) : PageViewOutcome;

    public sealed record Unknown : PageViewOutcome;

    /// <summary>Over a limit: the client's (<paramref name="ByClient"/>) or the visitor's own.</summary>
    public sealed record TooManyViews(TimeSpan RetryAfter, bool ByClient) : PageViewOutcome;
}

using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Visitors;

/// <summary>Settings of visitor monitoring, section <c>Visitors</c>.</summary>
public sealed class VisitorsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Visitors";

    /// <summary>How long a visitor's record lives after their last page view.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Visitors whose last page view is older than this are no longer listed as live, and leave the
    /// live index at the next page view of anyone; the index itself expires this long after the last one.
    /// </summary>
    public TimeSpan LiveWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an invitation waits for the visitor's next page view.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Page views one visitor may report per minute; more are answered 429.</summary>
    public int MaxPageViewsPerMinute { get; set; } = 60;

    /// <summary>
    /// New visitors one client address may start per minute; more are answered 429. It keeps an
    /// anonymous client from filling Redis with visitors (a shop behind a proxy must forward addresses).
    /// </summary>
    public int MaxNewVisitorsPerMinute { get; set; } = 60;

    /// <summary>
    /// Page views naming an unknown visitor or a wrong key that one client address may send per
    /// minute; more are answered 429 before the key is looked at. Each page view of a known visitor
    /// is counted too while it is judged, and given back once its key proved right.
    /// </summary>
    public int MaxUnknownVisitorsPerMinute { get; set; } = 20;

    /// <summary>At most this many live visitors are listed (and kept in the live index), most recent first.</summary>
    public int MaxListed { get; set; } = 200;

    /// <summary>How long the customer token of an accepted invitation stays valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// <see cref="JoinAdmission.Agent"/> (default): an invited visitor waits in the waiting room until
    /// the agent admits them, like any joiner. <see cref="JoinAdmission.Auto"/>: they are admitted at
    /// once, since the agent picked them.
    /// </summary>
    public JoinAdmission Admission { get; set; } = JoinAdmission.Agent;
}

namespace PinCovisor.Web.Visitors;

/// <summary>Settings of visitor monitoring, section <c>Visitors</c>.</summary>
public sealed class VisitorsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Visitors";

    /// <summary>How long a visitor's record lives after their last page view.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Visitors whose last page view is older than this are no longer listed as live.</summary>
    public TimeSpan LiveWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long an invitation (and its token) waits for the visitor's next page view.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Page views one visitor may report per minute; more are answered 429.</summary>
    public int MaxPageViewsPerMinute { get; set; } = 60;

    /// <summary>
    /// New visitors one client address may start per minute; more are answered 429. It keeps an
    /// anonymous client from filling Redis with visitors (a shop behind a proxy must forward addresses).
    /// </summary>
    public int MaxNewVisitorsPerMinute { get; set; } = 60;

    /// <summary>At most this many live visitors are listed, most recent first.</summary>
    public int MaxListed { get; set; } = 200;

    /// <summary>How long the customer token of an accepted invitation stays valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(4);
}

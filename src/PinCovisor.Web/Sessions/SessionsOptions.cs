namespace PinCovisor.Web.Sessions;

/// <summary>How long sessions live, bound to the <c>Sessions</c> configuration section.</summary>
public sealed class SessionsOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Sessions";

    /// <summary>How long Redis keeps a session and its participants after it opens. Default 24 hours.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a session stays open after its call ends. Default 2 minutes.</summary>
    public TimeSpan CallEndGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The public base URL for links handed to customers (second-device links), e.g.
    /// <c>https://shop.example</c>; empty uses the request's scheme and host.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}

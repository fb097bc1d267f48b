namespace PinCovisor.Web.Pages;

/// <summary>The browser pages (section <c>Pages</c>).</summary>
public sealed class PageOptions
{
    public const string SectionName = "Pages";

    /// <summary>
    /// Serve the demo shop and the phone simulator under <c>/demo</c>. Default: on in Development,
    /// off elsewhere; on in any other environment stops the host at start-up. The simulator signs
    /// requests with the real Twilio auth token, so it must never be reachable on a host that faces
    /// Twilio for real.
    /// </summary>
    public bool? DemoEnabled { get; set; }

    /// <summary>Whether the demo is served (after the environment's default is applied).</summary>
    internal bool DemoOn => DemoEnabled == true;

    /// <summary>How long browsers may keep <c>/widget.js</c> before asking again.</summary>
    public TimeSpan WidgetCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The <c>Cache-Control</c> of the widget's script and stylesheet.</summary>
    internal string WidgetCacheControl => $"public, max-age={(int)WidgetCacheDuration.TotalSeconds}";
}

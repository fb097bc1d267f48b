namespace PinCovisor.Web.Demo;

/// <summary>What the phone simulator needs to know about the demo shop's line (section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Demo";

    /// <summary>The shop's phone number the simulator calls (sent as <c>To</c>, as Twilio does).</summary>
    public string ShopNumber { get; set; } = "+34910000000";
}

namespace PinCovisor.Web.Demo;

/// <summary>What the phone simulator needs to know about the demo shop's line (section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Demo";

    /// <summary>The shop's phone number the simulator calls (sent as <c>To</c>, as Twilio does).</summary>
    public string ShopNumber { get; set; } = "+34910000000";

    /// <summary>
    /// The origin the demo is opened at (<c>http://localhost:5080</c>): the simulator signs webhooks
    /// for URLs of this origin only. Empty: the first
    /// address the host listens on, which is <c>http://localhost:5080</c> under <c>dotnet run</c>.
    /// Never the request's <c>Host</c>, which the browser (or anyone) writes.
    /// </summary>
    public string? Origin { get; set; }

    /// <summary>
    /// While the demo is on, the host's requests to Twilio's REST API (texts, live call redirects, calls
    /// placed) go to the simulated API this host serves at <c>/demo/twilio-api</c>, which the phone
    /// simulator plays, instead of Twilio. Ignored when <c>Twilio:ApiBaseUrl</c> is set. Default true.
    /// </summary>
    public bool SimulateTwilioApi { get; set; } = true;
}

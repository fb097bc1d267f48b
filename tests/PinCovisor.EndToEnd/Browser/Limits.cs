namespace PinCovisor.EndToEnd.Browser;

/// <summary>How long the browser tests wait for anything; none of them is an assertion about speed.</summary>
public static class Limits
{
    /// <summary>Playwright's default for actions (click, fill, screenshot) in every context.</summary>
    public static readonly TimeSpan Action = TimeSpan.FromSeconds(15);

    /// <summary>For something the other side must see (a hub event, a page update).</summary>
    public static readonly TimeSpan Arrival = TimeSpan.FromSeconds(15);

    /// <summary>For any other await: an evaluation, a request, a context opening.</summary>
    public static readonly TimeSpan Await = TimeSpan.FromSeconds(20);

    /// <summary>Starting the host or the browser.</summary>
    public static readonly TimeSpan Start = TimeSpan.FromSeconds(60);

    public static float Ms(TimeSpan span) => (float)span.TotalMilliseconds;
}

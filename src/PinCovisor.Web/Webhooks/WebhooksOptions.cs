namespace PinCovisor.Web.Webhooks;

/// <summary>The <c>Webhooks</c> section: where the shop's systems hear what happens, and how hard the host tries.</summary>
public sealed class WebhooksOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>The shop's receivers; none (the default) publishes nothing and runs no delivery.</summary>
    public IList<WebhookEndpointOptions> Endpoints { get; init; } = [];

    /// <summary>How long one delivery may take, connecting included, before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts of one message before it goes to the dead letters.</summary>
    public int MaxAttempts { get; set; } = 15;

    /// <summary>Age of a message (since it was published) after which a failed attempt sends it to the dead letters.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The first retry waits up to this long; each further one up to twice the last (full jitter).</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>No retry waits longer than this.</summary>
    public TimeSpan BackoffCap { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often each host looks for messages due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Dead letters kept; past it the oldest go (and are logged).</summary>
    public int MaxDeadLetters { get; set; } = 1000;

    /// <summary>
    /// The queue's name in Redis (its hash tag, so one Cluster slot). Hosts of one shop share it;
    /// another shop (or test) on the same Redis takes another.
    /// </summary>
    public string Queue { get; set; } = "webhooks";

    /// <summary>Where the shop reaches this host, for the transcript link of <c>session.ended</c>; empty = <c>Twilio:BaseUrlOverride</c>.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>One receiver of the shop.</summary>
public sealed class WebhookEndpointOptions
{
    /// <summary>The receiver's name, shown to admins and in logs: 1-64 letters, digits, '-', '_' or '.'.</summary>
    public string Name { get; set; } = "";

    /// <summary>https; http only to a loopback address.</summary>
    public string Url { get; set; } = "";

    /// <summary>The HMAC-SHA256 key of the signatures, at least 32 characters. Never logged.</summary>
    public string Secret { get; set; } = "";

    /// <summary>The event types it receives; empty = all.</summary>
    public IList<string> Events { get; init; } = [];

    internal bool Wants(string type) => Events.Count == 0 || Events.Contains(type, StringComparer.Ordinal);
}

namespace PinCovisor.Web.Hub;

/// <summary>Settings of the real-time hub (section <c>Hub</c>).</summary>
public sealed class CovisorHubOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Hub";

    /// <summary>How long a session's event log lives after its last event.</summary>
    public TimeSpan HistoryLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Most events a session's log keeps; older ones are dropped first (0 keeps all).</summary>
    public int MaxHistoryEvents { get; set; } = 20_000;

    /// <summary>
    /// Most bytes a session's log keeps: its events' JSON, their message ids and the latest video
    /// event together. Older events (and their ids) are dropped first; the newest is always kept.
    /// </summary>
    public long MaxHistoryBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Most events one <c>JoinSession</c> answer carries; the rest come with the next call.</summary>
    public int ReplayPageSize { get; set; } = 500;

    /// <summary>
    /// Most bytes of events one <c>JoinSession</c> answer carries (at least one event, however large);
    /// the rest come with the next call.
    /// </summary>
    public int ReplayPageBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Browser origins (<c>https://shop.example</c>) allowed to open the hub besides the hub's own.
    /// Empty: same origin only. Clients that send no Origin (native apps) are not affected.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Largest message a client may send, in bytes.</summary>
    public long MaxMessageBytes { get; set; } = 32 * 1024;

    /// <summary>Sustained hub calls per second one credential (token) may make, shared by its connections on one host.</summary>
    public double MessagesPerSecond { get; set; } = 30;

    /// <summary>Hub calls one credential may make in a burst before <see cref="MessagesPerSecond"/> applies.</summary>
    public int MessagesBurst { get; set; } = 60;

    /// <summary>Hub connections one customer token may hold open at once, counted across every host.</summary>
    public int MaxCustomerConnections { get; set; } = 5;

    /// <summary>Hub connections one agent login (bearer token and console cookie together) may hold open at once, across every host.</summary>
    public int MaxAgentConnections { get; set; } = 10;

    /// <summary>
    /// How often each host re-checks, in one batch, that the credentials of its connections are still
    /// live (a backstop for a missed control message) and renews their places in the connection count,
    /// which lapse after three of these when a host dies.
    /// </summary>
    public TimeSpan CredentialCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest chat message, in characters.</summary>
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>How long one connection trusts a positive access check before asking the store again.</summary>
    public TimeSpan AccessCacheDuration { get; set; } = TimeSpan.FromSeconds(2);
}

namespace PinCovisor.Web.Sessions;

/// <summary>Who lets a joiner in.</summary>
public enum JoinAdmission
{
    /// <summary>Every joiner waits until the agent in charge admits them (the default).</summary>
    Agent,

    /// <summary>Joiners are let in directly while the global failure budget holds.</summary>
    Auto,
}

/// <summary>How customers join sessions, bound to the <c>Join</c> configuration section.</summary>
public sealed class JoinOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Join";

    /// <summary>
    /// <see cref="JoinAdmission.Agent"/> (default) or <see cref="JoinAdmission.Auto"/>. Past the global
    /// failure budget every joiner waits for the agent whatever this says.
    /// </summary>
    public JoinAdmission Admission { get; set; } = JoinAdmission.Agent;

    /// <summary>Failed joins one client may make per <see cref="FailureWindow"/> before it gets 429. Default 10.</summary>
    public int MaxFailuresPerClient { get; set; } = 10;

    /// <summary>The window the per-client failures are counted in, from the first failure. Default 10 minutes.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Failed joins from all clients together per <see cref="GlobalWindow"/> before admission is forced. Default 1,000.</summary>
    public int GlobalFailureBudget { get; set; } = 1000;

    /// <summary>The window of the global budget, aligned to the Unix epoch (a UTC day by default). Default 1 day.</summary>
    public TimeSpan GlobalWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a customer's session token is valid (it also dies when the session closes). Default 4 hours.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(4);
}

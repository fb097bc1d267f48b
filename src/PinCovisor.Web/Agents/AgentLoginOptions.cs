namespace PinCovisor.Web.Agents;

/// <summary>Agents' sign-in, bound to the <c>AgentLogin</c> section (<c>Agents</c> itself is the list of agents).</summary>
public sealed class AgentLoginOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "AgentLogin";

    /// <summary>How long a login lasts: the bearer token and the console cookie both end then. Default 12 hours (a long shift).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Failed logins one client address may make for one username within <see cref="FailureWindow"/>;
    /// past it that client is refused (429) for that username, while other clients are not. Default 5.
    /// </summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>Failed logins one client address may make for all usernames together within <see cref="FailureWindow"/>. Default 20.</summary>
    public int MaxFailuresPerClient { get; set; } = 20;

    /// <summary>
    /// Failed logins for one username, from all clients together, within <see cref="FailureWindow"/>
    /// after which every login for that username waits <see cref="SlowDownDelay"/> before its password
    /// is checked. It slows an attack spread over many addresses; it never refuses. Default 20.
    /// </summary>
    public int SlowDownAfter { get; set; } = 20;

    /// <summary>How long a login for a username under attack waits before its password is checked. Default 2 seconds.</summary>
    public TimeSpan SlowDownDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The window failures are counted in; the first failure starts it. Default 15 minutes.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Password checks one host runs at once (each is a deliberately slow PBKDF2 hash); more wait
    /// their turn. Default 0: the number of processors.
    /// </summary>
    public int MaxConcurrentPasswordChecks { get; set; }

    /// <summary>How often each host re-reads the accounts the IVR rings, so other hosts' changes arrive. Default 5 seconds.</summary>
    public TimeSpan DirectoryRefresh { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Unknown PINs an agent may try to claim a call with, per agent and per client address, within <see cref="ClaimFailureWindow"/>. Default 10.</summary>
    public int ClaimMaxFailures { get; set; } = 10;

    /// <summary>The window failed claims are counted in. Default 15 minutes.</summary>
    public TimeSpan ClaimFailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}

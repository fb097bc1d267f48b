namespace PinCovisor.Web.Agents;

/// <summary>Agents' sign-in, bound to the <c>AgentLogin</c> section (<c>Agents</c> itself is the list of agents).</summary>
public sealed class AgentLoginOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "AgentLogin";

    /// <summary>How long a login lasts: the bearer token and the console cookie both end then. Default 12 hours (a long shift).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Failed logins allowed per client address and per username within <see cref="FailureWindow"/>. Default 5.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>The window failures are counted in; the first failure starts it. Default 15 minutes.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often each host re-reads the accounts the IVR rings, so other hosts' changes arrive. Default 5 seconds.</summary>
    public TimeSpan DirectoryRefresh { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Unknown PINs an agent may try to claim a call with, per agent and per client address, within <see cref="ClaimFailureWindow"/>. Default 10.</summary>
    public int ClaimMaxFailures { get; set; } = 10;

    /// <summary>The window failed claims are counted in. Default 15 minutes.</summary>
    public TimeSpan ClaimFailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}

using PinCovisor.Web.Throttling;

namespace PinCovisor.Web.Agents;

/// <summary>
/// The counters of the agents' throttles. Login: one client's failures for one username and for all
/// usernames are refused past their limits; one username's failures from everyone only slow its
/// logins down, so nobody can lock an agent out by failing on purpose. Claim by PIN: the signed-in
/// agent and the client address, both refused past the limit.
/// </summary>
internal static class LoginThrottle
{
    public const string Name = "agent-login";

    public const string ClaimName = "call-claim";

    public static ThrottleCounter[] Counters(AgentLoginOptions options, string username, string clientBucket)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            new(AgentKeys.Throttle(Name, "user-client", username + "\n" + clientBucket), options.MaxFailures, options.FailureWindow),
            new(AgentKeys.Throttle(Name, "client", clientBucket), options.MaxFailuresPerClient, options.FailureWindow),
            new(AgentKeys.Throttle(Name, "user", username), options.SlowDownAfter, options.FailureWindow, OverLimit.Flag),
        ];
    }

    public static ThrottleCounter[] ClaimCounters(AgentLoginOptions options, string agent, string clientBucket)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            new(AgentKeys.Throttle(ClaimName, "client", clientBucket), options.ClaimMaxFailures, options.ClaimFailureWindow),
            new(AgentKeys.Throttle(ClaimName, "agent", agent), options.ClaimMaxFailures, options.ClaimFailureWindow),
        ];
    }
}

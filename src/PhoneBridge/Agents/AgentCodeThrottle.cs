using Microsoft.Extensions.Options;
using PhoneBridge.Redis;
using StackExchange.Redis;

namespace PhoneBridge.Agents;

/// <summary>What the throttle said about one try at an agent's code.</summary>
/// <param name="Wait">Null when the try may be judged; else how long until the agent's window ends.</param>
internal sealed record CodeTry(TimeSpan? Wait);

/// <summary>
/// Tries at each agent's code, counted in Redis (<see cref="AgentCodeOptions.MaxFailures"/> per
/// <see cref="AgentCodeOptions.FailureWindow"/>, across every call and host), so a code cannot be
/// found by calling again and again. Each try counts before it is judged; only a right one is taken back.
/// </summary>
internal sealed class AgentCodeThrottle(IConnectionMultiplexer redis, IOptions<AgentCodeOptions> options)
{
    private static readonly EmbeddedScript TryScript = EmbeddedScript.Load(typeof(AgentCodeThrottle), "agent_code_attempt");

    public async Task<CodeTry> BeginAsync(string username, string legCallSid, int attempt, CancellationToken cancellationToken)
    {
        var window = options.Value.FailureWindow;
        var wait = (long)await TryScript.RunAsync(
            redis.GetDatabase(),
            [RedisKeys.AgentCodeTries(username)],
            [Name(legCallSid, attempt), options.Value.MaxFailures, (long)window.TotalMilliseconds],
            cancellationToken).ConfigureAwait(false);
        return new CodeTry(wait > 0 ? TimeSpan.FromMilliseconds(wait) : null);
    }

    /// <summary>The try keyed the right code: it no longer counts.</summary>
    public Task ForgiveAsync(string username, string legCallSid, int attempt, CancellationToken cancellationToken) =>
        redis.GetDatabase().HashDeleteAsync(RedisKeys.AgentCodeTries(username), Name(legCallSid, attempt)).WaitAsync(cancellationToken);

    private static string Name(string legCallSid, int attempt) =>
        $"{legCallSid}:{attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

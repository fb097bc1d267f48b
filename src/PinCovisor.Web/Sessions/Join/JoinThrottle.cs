using Microsoft.Extensions.Options;
using PinCovisor.Web.Throttling;

namespace PinCovisor.Web.Sessions;

/// <summary>
/// The join throttle: per client bucket, <see cref="JoinOptions.MaxFailuresPerClient"/> failures in a
/// window that starts at its first failure (past it: refused); for everyone together,
/// <see cref="JoinOptions.GlobalFailureBudget"/> failures per epoch-aligned window (past it: every
/// joiner waits for the agent). Each attempt is counted against both before the PIN or code is looked
/// at, in one script, and taken back only if it succeeds.
/// </summary>
internal sealed class JoinThrottle(AttemptThrottle throttle, IOptions<JoinOptions> options, TimeProvider time)
{
    /// <summary>Counts the attempt, or refuses it without counting when the client's window is full.</summary>
    public Task<ThrottleVerdict> BeginAsync(string bucket, CancellationToken cancellationToken = default) =>
        throttle.BeginAsync(Counters(bucket), cancellationToken);

    /// <summary>
    /// The PIN or code was right: the attempt no longer counts. True when the global budget is spent
    /// all the same, by attempts that came in alongside this one.
    /// </summary>
    public Task<bool> SucceededAsync(string bucket, CancellationToken cancellationToken = default) =>
        throttle.SucceededAsync(Counters(bucket), cancellationToken);

    private ThrottleCounter[] Counters(string bucket)
    {
        var settings = options.Value;
        var windowMs = (long)settings.GlobalWindow.TotalMilliseconds;
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = nowMs / windowMs;
        return
        [
            new ThrottleCounter(SessionKeys.ClientFailures(bucket), settings.MaxFailuresPerClient, settings.FailureWindow),
            // Named by its window's number, so it lives only until that window ends.
            new ThrottleCounter(SessionKeys.GlobalFailures(window), settings.GlobalFailureBudget,
                TimeSpan.FromMilliseconds(((window + 1) * windowMs) - nowMs), OverLimit.Flag),
        ];
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Pins;

namespace PhoneBridge.Calls;

/// <summary>
/// Ends calls the phone network has gone silent about for <see cref="CallOptions.StaleAfter"/> (a
/// status callback lost, a simulator tab closed mid-call) and passes each end on exactly as the
/// status callback would: the PIN dies and <see cref="ICallEvents"/> hears the end, with
/// <see cref="CallRecord.EndedAfterSilence"/> saying why. Every host sweeps; the store's atomic
/// step lets one of them end each call, and an end that could not be told is told by a later sweep.
/// </summary>
internal sealed class StaleCallSweep(
    ICallStore calls, IPinStore pins, ICallEvents events, IOptions<CallOptions> options, TimeProvider time, ILogger<StaleCallSweep> logger)
    : BackgroundService
{
    /// <summary>A quarter of the silence allowed, between a second and a minute: a call ends at most that late.</summary>
    internal static TimeSpan Interval(TimeSpan staleAfter) =>
        TimeSpan.FromTicks(Math.Clamp(staleAfter.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval(options.Value.StaleAfter), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; the other hosts, or this one when it starts again, go on sweeping.
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var call in await calls.EndSilentCallsAsync(cancellationToken).ConfigureAwait(false))
            {
                await pins.RevokeAsync(call.CallSid, cancellationToken).ConfigureAwait(false);
                await events.CallStatusChangedAsync(call, cancellationToken).ConfigureAwait(false);
                await calls.MarkEndToldAsync(call.CallSid, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever failed (Redis away, the host's side of an end), the loop must go on: the
            // calls stay ended, and those not marked told are told by the next sweep.
            CallLog.SweepFailed(logger, e);
        }
    }
}

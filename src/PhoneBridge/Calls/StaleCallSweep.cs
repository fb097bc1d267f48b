using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Pins;
using PhoneBridge.Twilio.Rest;

namespace PhoneBridge.Calls;

/// <summary>
/// Settles the calls there has been no news of for <see cref="CallOptions.ReconcileAfter"/> (a
/// status callback lost, a simulator tab closed mid-call) by asking Twilio's REST API
/// (<see cref="CallReconciler"/>), and passes each end on exactly as the status callback would:
/// the PIN dies and <see cref="ICallEvents"/> hears the end, with Twilio's status, or with
/// <see cref="CallRecord.EndedAfterSilence"/> saying why when Twilio could not say and the call was
/// silent for <see cref="CallOptions.StaleAfter"/>. Every host sweeps; the store's atomic steps let
/// one of them settle each call, and an end that could not be told is told by a later sweep.
/// </summary>
internal sealed class StaleCallSweep(
    RedisCallStore calls, IPinStore pins, ICallEvents events, ITwilioCalls twilio, IOptions<CallOptions> options, TimeProvider time,
    ILogger<StaleCallSweep> logger)
    : BackgroundService
{
    private readonly CallReconciler _reconciler = new(calls, twilio, options, time, logger);

    /// <summary>A quarter of the silence before Twilio is asked, between a second and a minute: a call is asked about at most that late.</summary>
    internal static TimeSpan Interval(TimeSpan reconcileAfter) =>
        TimeSpan.FromTicks(Math.Clamp(reconcileAfter.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval(options.Value.ReconcileAfterOrDefault), time);
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
            foreach (var call in await _reconciler.SweepAsync(cancellationToken).ConfigureAwait(false))
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

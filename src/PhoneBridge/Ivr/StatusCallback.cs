using Microsoft.Extensions.Logging;
using PhoneBridge.Calls;
using PhoneBridge.Pins;

namespace PhoneBridge.Ivr;

/// <summary>Twilio's call status callback: the call's state follows it, and the PIN dies with the call.</summary>
internal sealed class StatusCallback(IPinStore pins, RedisCallStore calls, ICallEvents events, IvrState state, ILogger<StatusCallback> logger)
{
    /// <summary>False when the state could not be written; the endpoint then answers 503 so Twilio may retry.</summary>
    public async Task<bool> ApplyAsync(TwilioWebhook call, CancellationToken cancellationToken)
    {
        if (!CallStatusExtensions.TryParseTwilio(call.CallStatus, out var status))
        {
            IvrLog.UnknownStatus(logger, call.CallSid);
            return true;
        }

        IvrLog.Status(logger, call.CallSid, status.ToTwilioString());
        return await state.TryAsync(call.CallSid, "status callback", async ct =>
        {
            // Once the call is over nobody may join with its PIN, even if the status update fails:
            // the revoke goes out beside the update, not after it, and both are awaited.
            var revoked = status.IsOver() ? pins.RevokeAsync(call.CallSid, ct) : Task.CompletedTask;
            var updated = calls.UpdateStatusAsync(call.CallSid, status, ct);
            await Task.WhenAll(revoked, updated).ConfigureAwait(false);
            // A repeated status changes nothing and is not passed on, so a replayed callback cannot
            // push the same status again. The end is passed on every time: if telling the host
            // failed the first time, Twilio's retry is the only chance, and the host takes a
            // second end as already handled.
            if (await updated.ConfigureAwait(false) is { } update && (update.Changed || update.Call.Status.IsOver()))
            {
                await events.CallStatusChangedAsync(update.Call, ct).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Twilio.Rest;

namespace PhoneBridge.Calls;

/// <summary>
/// One sweep over the live calls that have had no news for <see cref="CallOptions.ReconcileAfter"/>:
/// each is claimed by one host, which asks Twilio's REST API how it stands. Ended there, it is ended
/// here with Twilio's status; still live, that is news and it stays; unknown to Twilio, or Twilio
/// not asked (no account SID), unreachable or refusing, it is left until
/// <see cref="CallOptions.StaleAfter"/> and then ended after silence, as when Twilio cannot be asked.
/// </summary>
internal sealed class CallReconciler(RedisCallStore calls, ITwilioCalls twilio, IOptions<CallOptions> options, TimeProvider time, ILogger logger)
{
    /// <summary>Runs one sweep.</summary>
    /// <returns>The ends to tell: the calls this sweep ended, and ends by the host not yet told.</returns>
    public async Task<IReadOnlyList<CallRecord>> SweepAsync(CancellationToken cancellationToken = default)
    {
        var quietSince = time.GetUtcNow() - options.Value.ReconcileAfterOrDefault;
        var ended = new List<CallRecord>();
        // Once Twilio cannot be asked (not configured, unreachable), the other calls are not asked
        // about in this sweep: each would wait out the same timeout for the same answer.
        var twilioAnswers = true;
        foreach (var call in await calls.ListLiveAsync(cancellationToken).ConfigureAwait(false))
        {
            if (call.NewsAt > quietSince
                || await calls.ClaimCheckAsync(call.CallSid, cancellationToken).ConfigureAwait(false) is null)
            {
                continue;
            }

            CallStatus? reported = null;
            if (twilioAnswers)
            {
                (reported, var failure) = await AskAsync(call.CallSid, cancellationToken).ConfigureAwait(false);
                twilioAnswers = failure is not (TwilioRestFailure.NotConfigured or TwilioRestFailure.Unreachable);
            }

            if (reported is { } live && !live.IsOver())
            {
                await calls.RecordStillLiveAsync(call.CallSid, cancellationToken).ConfigureAwait(false);
            }
            else if (await (reported is { } over
                ? calls.EndAsReportedAsync(call.CallSid, over, cancellationToken)
                : calls.EndAfterSilenceAsync(call.CallSid, cancellationToken)).ConfigureAwait(false) is { } end)
            {
                ended.Add(end);
            }
        }

        var untold = (await calls.ListUntoldEndsAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => ended.TrueForAll(e => e.CallSid != c.CallSid));
        return [.. ended, .. untold];
    }

    // The status Twilio reports; null when it cannot say, with the REST failure if there was one.
    private async Task<(CallStatus? Reported, TwilioRestFailure? Failure)> AskAsync(string callSid, CancellationToken cancellationToken)
    {
        var fetched = await twilio.FetchStatusAsync(callSid, cancellationToken).ConfigureAwait(false);
        if (fetched.Error is { } error)
        {
            CallLog.CheckUnanswered(logger, callSid, error.Failure.ToString());
            return (null, error.Failure);
        }

        if (!CallStatusExtensions.TryParseTwilio(fetched.Value, out var status))
        {
            CallLog.CheckUnanswered(logger, callSid, fetched.Value is null ? "no such call" : "a status it does not know");
            return (null, null);
        }

        return (status, null);
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Calls;
using PhoneBridge.Twilio.Rest;
using Twilio.TwiML;

namespace PhoneBridge.Ivr;

/// <summary>
/// Places the call a customer asked for, from the shop's number (<see cref="CallBackOptions.From"/>),
/// over the REST Calls API, and records it as the agent's call, so the IVR can put the customer through
/// to that agent when they answer and its status callbacks are followed like an incoming call's.
/// </summary>
internal sealed class CallBackDialer(
    ITwilioCalls twilio, RedisCallStore calls, ICallerIndex callers, IvrUrls urls, IOptions<CallBackOptions> options, ILogger<CallBackDialer> logger)
{
    /// <summary>
    /// Asks Twilio to call <paramref name="number"/> (E.164) and, once it has a CallSid, records the
    /// call (the number masked) with <paramref name="agentUsername"/> as its agent. When the call
    /// cannot be recorded it is hung up and the exception thrown, so no call is left that nobody follows.
    /// </summary>
    /// <param name="request">The request the agent's action came in on: the base of the webhook URLs given to Twilio.</param>
    /// <param name="number">The customer's number in E.164.</param>
    /// <param name="agentUsername">The agent the customer is put through to.</param>
    /// <param name="cancellationToken">Stops waiting for Twilio; once the call exists, the recording goes on.</param>
    /// <returns>The new call's SID, or Twilio's error (nothing placed, nothing recorded).</returns>
    public async Task<TwilioRestResult<string>> PlaceAsync(
        HttpRequest request, string number, string agentUsername, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(agentUsername);
        if (!options.Value.IsEnabled)
        {
            return new(null, new(TwilioRestFailure.NotConfigured, null, null, "CallBack:From is not configured"));
        }

        var placed = await twilio.CreateAsync(number, options.Value.From!, urls.For(request, CallBackAnswer.Path),
            urls.For(request, IvrUrls.Status), cancellationToken).ConfigureAwait(false);
        if (placed is not { Succeeded: true, Value: { } callSid })
        {
            CallBackLog.NotPlaced(logger, agentUsername, placed.Error?.Failure.ToString() ?? "no call SID");
            return placed.Succeeded ? new(null, new(TwilioRestFailure.Refused, null, null, "Twilio returned no call SID")) : placed;
        }

        // The call rings from here on: record it whatever the caller's token says, or hang it up.
        try
        {
            await calls.RecordIncomingAsync(callSid, number, CancellationToken.None).ConfigureAwait(false);
            await callers.AddCallAsync(callSid, number, CancellationToken.None).ConfigureAwait(false);
            _ = await calls.BindAgentAsync(callSid, agentUsername, CancellationToken.None).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Call {callSid} ended before it could be bound to its agent.");
        }
        catch (Exception e)
        {
            CallBackLog.NotRecorded(logger, callSid, e);
            await HangUpAsync(callSid, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        CallBackLog.Placed(logger, callSid, agentUsername);
        return placed;
    }

    /// <summary>Hangs up a call placed by <see cref="PlaceAsync"/> (best effort: a failure is logged, not thrown).</summary>
    public async Task HangUpAsync(string callSid, CancellationToken cancellationToken = default)
    {
        var result = await twilio.UpdateTwimlAsync(callSid, new VoiceResponse().Hangup().ToString(), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            CallBackLog.NotHungUp(logger, callSid, result.Error!.Failure.ToString());
        }
    }
}

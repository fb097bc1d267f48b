using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Calls;
using PhoneBridge.Twilio.Rest;
using Twilio.TwiML;

namespace PhoneBridge.Ivr;

/// <summary><see cref="ICallBackDialer"/> over the REST Calls API and the call store.</summary>
internal sealed class CallBackDialer(
    ITwilioCalls twilio, ICallStore calls, ICallerIndex callers, IvrUrls urls, IOptions<CallBackOptions> options, ILogger<CallBackDialer> logger)
    : ICallBackDialer
{
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

    public async Task HangUpAsync(string callSid, CancellationToken cancellationToken = default)
    {
        var result = await twilio.UpdateTwimlAsync(callSid, new VoiceResponse().Hangup().ToString(), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            CallBackLog.NotHungUp(logger, callSid, result.Error!.Failure.ToString());
        }
    }
}

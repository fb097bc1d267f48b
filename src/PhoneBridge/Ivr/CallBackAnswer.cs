using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Agents;
using PhoneBridge.Calls;
using Twilio.TwiML;
using Dial = Twilio.TwiML.Voice.Dial;

namespace PhoneBridge.Ivr;

/// <summary>
/// The TwiML of a call placed by <see cref="CallBackDialer"/>, fetched by Twilio once the customer
/// answers: the customer hears whom they are connected with, and the agent the call was recorded
/// for is rung (numbers and softphone), with the whisper and the key the IVR's own dial uses, so the
/// agent's voicemail never takes the call.
/// </summary>
internal sealed class CallBackAnswer(
    IAgentDirectory agents, RedisCallStore calls, IvrState state, IvrUrls urls, IOptions<IvrOptions> options, ILogger<CallBackAnswer> logger)
{
    /// <summary>The webhook's path, under the signature-validated <c>/twilio</c> group.</summary>
    public const string Path = "/twilio/voice/callback";

    private IvrOptions Options => options.Value;

    public async Task<VoiceResponse> AnswerAsync(HttpRequest request, TwilioWebhook call, CancellationToken cancellationToken)
    {
        // The customer is the called party: their number's country picks the language.
        var say = IvrSpeaker.ForCountry(Options, call.ToCountry);
        var prompts = CallBackPrompts.For(say.Prompts);
        var response = new VoiceResponse();
        var record = await state.TryAsync(call.CallSid, "find the agent of a call back",
            ct => calls.GetAsync(call.CallSid, ct), cancellationToken).ConfigureAwait(false);
        var agent = agents.FindByUsername(record?.AnsweringAgent);
        var dial = agent is null ? null : Dial(request, agent);
        if (dial is null)
        {
            CallBackLog.NoAgent(logger, call.CallSid);
            return say.Line(response, prompts.AgentUnavailable).Hangup();
        }

        CallBackLog.Connecting(logger, call.CallSid, agent!.Username);
        say.Line(response, string.Format(CultureInfo.InvariantCulture, prompts.ConnectingWith, agent.DisplayName));
        return response.Append(dial).Hangup();
    }

    private Dial? Dial(HttpRequest request, AgentOptions agent)
    {
        var whisper = urls.For(request, IvrUrls.Whisper);
        var ask = urls.For(request, IvrUrls.WhisperAsk);
        var key = Options.AcceptByKey;
        var dial = new Dial(timeout: Options.DialTimeoutSeconds,
            callerId: string.IsNullOrWhiteSpace(Options.CallerId) ? null : Options.CallerId);
        foreach (var number in agent.PhoneNumbers)
        {
            dial.Number(number, url: key is AcceptByKey.Nobody ? whisper : ask);
        }

        if (agent.ClientIdentity is { } identity)
        {
            dial.Client(identity, url: key is AcceptByKey.Everyone ? ask : whisper);
        }

        return agent.PhoneNumbers.Count == 0 && agent.ClientIdentity is null ? null : dial;
    }
}

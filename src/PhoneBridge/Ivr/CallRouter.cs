using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Agents;
using PhoneBridge.Calls;
using Twilio.TwiML;
using Dial = Twilio.TwiML.Voice.Dial;

namespace PhoneBridge.Ivr;

/// <summary>Sends the caller on to people: ring the agents, queue, or forward to the shop's number.</summary>
internal sealed class CallRouter(
    IAgentDirectory agents, RedisCallStore calls, IvrState state, IvrUrls urls, IOptions<IvrOptions> options, ILogger<CallRouter> logger)
{
    private IvrOptions Options => options.Value;

    public VoiceResponse Route(HttpRequest request, TwilioWebhook call, VoiceResponse response, int attempt, bool announce)
    {
        var say = IvrSpeaker.For(Options, call);
        if (announce)
        {
            say.Line(response, say.Prompts.Connecting);
        }

        IvrLog.Routed(logger, call.CallSid, Options.Routing, attempt);
        var action = urls.For(request, IvrUrls.DialResult, "attempt", attempt);
        switch (Options.Routing)
        {
            case IvrRouting.Enqueue:
                return response.Enqueue(Options.QueueName, action: action);
            case IvrRouting.Forward:
                return response.Append(new Dial(action: action, timeout: Options.DialTimeoutSeconds)
                    .Number(Options.ForwardNumber!));
            default:
                return DialAgents(request, call, response, action);
        }
    }

    /// <summary>What to do once the dial or the queue is over for the caller.</summary>
    public async Task<VoiceResponse> AfterDialAsync(HttpRequest request, TwilioWebhook call, int attempt, CancellationToken cancellationToken)
    {
        var response = new VoiceResponse();
        var outcome = call.DialCallStatus ?? call.QueueResult ?? "unknown";
        IvrLog.DialEnded(logger, call.CallSid, outcome, attempt);
        // A transfer redirected the caller out of this dial or queue (CallTransfers): Twilio still
        // reports its end here, but runs the transfer's TwiML, not this answer.
        if (outcome is "redirected" or "redirected-from-bridged")
        {
            return response;
        }

        var say = IvrSpeaker.For(Options, call);
        // answered/completed: the conversation happened; bridged: the queue handed the caller to an
        // agent; hangup: the caller left. In each case there is nobody left to talk to.
        if (outcome is "completed" or "answered" or "bridged" or "hangup")
        {
            if (outcome is "bridged" or "hangup" || !await AnsweredWithoutTakingAsync(call, cancellationToken).ConfigureAwait(false))
            {
                return response.Hangup();
            }

            // A voicemail (or an agent who let it go) picked up and the other phones stopped ringing:
            // ring again while rounds are left, whatever Ivr:NoAnswer says, since nobody refused.
            IvrLog.NotAccepted(logger, call.CallSid, attempt);
            if (attempt < Options.MaxDialAttempts)
            {
                return Route(request, call, response, attempt + 1, announce: false);
            }

            return say.Line(response, say.Prompts.NobodyAvailable).Hangup();
        }

        if (Options.NoAnswer == NoAnswerAction.Retry && attempt < Options.MaxDialAttempts)
        {
            say.Line(response, say.Prompts.StillTrying);
            return Route(request, call, response, attempt + 1, announce: false);
        }

        return say.Line(response, say.Prompts.NobodyAvailable).Hangup();
    }

    /// <summary>
    /// A dialled leg answered and ended, yet no agent was bound: the leg that answered never pressed the
    /// key (<see cref="IvrOptions.AcceptByKey"/>). Unknown when Redis cannot say; then the call is taken
    /// as answered, as it was before keys were asked for.
    /// </summary>
    private async Task<bool> AnsweredWithoutTakingAsync(TwilioWebhook call, CancellationToken cancellationToken)
    {
        if (Options.Routing != IvrRouting.Dial || Options.AcceptByKey == AcceptByKey.Nobody)
        {
            return false;
        }

        var record = await state.TryAsync(call.CallSid, "check who took the call",
            ct => calls.GetAsync(call.CallSid, ct), cancellationToken).ConfigureAwait(false);
        return record is { AnsweringAgent: null, EndedAt: null };
    }

    private VoiceResponse DialAgents(HttpRequest request, TwilioWebhook call, VoiceResponse response, Uri action)
    {
        var whisper = urls.For(request, IvrUrls.Whisper);
        var ask = urls.For(request, IvrUrls.WhisperAsk);
        var key = Options.AcceptByKey;
        var dial = new Dial(
            action: action,
            timeout: Options.DialTimeoutSeconds,
            callerId: string.IsNullOrWhiteSpace(Options.CallerId) ? null : Options.CallerId,
            // The caller keeps hearing ringing (not silence) while the agent hears the whisper.
            answerOnBridge: true);

        var nouns = 0;
        foreach (var agent in agents.Reachable)
        {
            nouns = AgentNouns.Add(dial, agent, key, whisper, ask, nouns);
        }

        if (nouns == 0)
        {
            IvrLog.NoAgents(logger, call.CallSid);
            var say = IvrSpeaker.For(Options, call);
            return say.Line(response, say.Prompts.NobodyAvailable).Hangup();
        }

        return response.Append(dial);
    }
}

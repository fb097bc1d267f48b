using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Agents;
using Twilio.TwiML;
using Dial = Twilio.TwiML.Voice.Dial;

namespace PhoneBridge.Ivr;

/// <summary>Sends the caller on to people: ring the agents, queue, or forward to the shop's number.</summary>
internal sealed class CallRouter(IAgentDirectory agents, IvrUrls urls, IOptions<IvrOptions> options, ILogger<CallRouter> logger)
{
    // Twilio rings at most ten nouns of one <Dial> at once.
    private const int MaxNounsPerDial = 10;

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
    public VoiceResponse AfterDial(HttpRequest request, TwilioWebhook call, int attempt)
    {
        var response = new VoiceResponse();
        var outcome = call.DialCallStatus ?? call.QueueResult ?? "unknown";
        IvrLog.DialEnded(logger, call.CallSid, outcome, attempt);
        // answered/completed: the conversation happened; bridged: the queue handed the caller to an
        // agent; hangup: the caller left. In each case there is nobody left to talk to.
        if (outcome is "completed" or "answered" or "bridged" or "hangup")
        {
            return response.Hangup();
        }

        var say = IvrSpeaker.For(Options, call);
        if (Options.NoAnswer == NoAnswerAction.Retry && attempt < Options.MaxDialAttempts)
        {
            say.Line(response, say.Prompts.StillTrying);
            return Route(request, call, response, attempt + 1, announce: false);
        }

        return say.Line(response, say.Prompts.NobodyAvailable).Hangup();
    }

    private VoiceResponse DialAgents(HttpRequest request, TwilioWebhook call, VoiceResponse response, Uri action)
    {
        var whisper = urls.For(request, IvrUrls.Whisper);
        var dial = new Dial(
            action: action,
            timeout: Options.DialTimeoutSeconds,
            callerId: string.IsNullOrWhiteSpace(Options.CallerId) ? null : Options.CallerId,
            // The caller keeps hearing ringing (not silence) while the agent hears the whisper.
            answerOnBridge: true);

        var nouns = 0;
        foreach (var agent in agents.Reachable)
        {
            foreach (var number in agent.PhoneNumbers.Where(_ => nouns < MaxNounsPerDial))
            {
                dial.Number(number, url: whisper);
                nouns++;
            }

            if (agent.ClientIdentity is { } identity && nouns < MaxNounsPerDial)
            {
                dial.Client(identity, url: whisper);
                nouns++;
            }
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

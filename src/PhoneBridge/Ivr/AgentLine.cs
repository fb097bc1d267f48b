using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Agents;
using PhoneBridge.Calls;
using Twilio.TwiML;
using Gather = Twilio.TwiML.Voice.Gather;
using Dial = Twilio.TwiML.Voice.Dial;

namespace PhoneBridge.Ivr;

/// <summary>
/// The agent line of queue routing: an agent calls in to take the next caller. A softphone's
/// <c>client:identity</c> is authenticated by Twilio, so it is enough. A phone number is only caller
/// ID, which anyone can set: it names the agent being claimed, and the caller must key that
/// agent's code before the queue is offered. Tries are limited per call (the try number travels in
/// the signed action URL) and per agent across calls (<see cref="AgentCodeThrottle"/>).
/// </summary>
internal sealed class AgentLine(
    IAgentDirectory agents,
    AgentCodes codes,
    AgentCodeThrottle throttle,
    RedisCallStore calls,
    IvrState state,
    IvrUrls urls,
    IOptions<IvrOptions> options,
    IOptions<AgentCodeOptions> codeOptions,
    ILogger<AgentLine> logger)
{
    // Agents key several digits; Twilio's default of five seconds between keys hurries them.
    private const int CodeTimeoutSeconds = 10;

    private IvrSpeaker Say => IvrSpeaker.For(options.Value);

    public async Task<VoiceResponse> CallInAsync(HttpRequest request, TwilioWebhook leg, CancellationToken cancellationToken)
    {
        if (!AgentMatching.IsClientAddress(leg.From))
        {
            // Every phone hears the same request, known number or not, so the line tells nobody
            // which numbers belong to agents.
            return AskForCode(request, new VoiceResponse(), attempt: 1);
        }

        var agent = agents.FindByAddress(leg.From);
        if (agent is null)
        {
            IvrLog.UnknownAgent(logger, leg.CallSid);
            return Say.Line(new VoiceResponse(), Say.Prompts.NobodyAvailable).Hangup();
        }

        return await TakeAsync(request, leg, agent, cancellationToken).ConfigureAwait(false);
    }

    public async Task<VoiceResponse> CodeAsync(HttpRequest request, TwilioWebhook leg, int attempt, CancellationToken cancellationToken)
    {
        if (AgentMatching.IsClientAddress(leg.From))
        {
            return await CallInAsync(request, leg, cancellationToken).ConfigureAwait(false);
        }

        var say = Say;
        var response = new VoiceResponse();
        var claimed = agents.FindByAddress(leg.From);
        if (claimed is not null && codes.HashOf(claimed) is null)
        {
            IvrLog.AgentHasNoCode(logger, leg.CallSid, claimed.Username);
        }
        else if (claimed is not null)
        {
            // Counted before it is judged, and judged only when counted: without Redis the code
            // cannot be throttled, so it is not checked at all.
            var counted = await state.TryAsync(leg.CallSid, "count agent code try",
                async ct => await throttle.BeginAsync(claimed.Username, leg.CallSid, attempt, ct).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            if (counted is null)
            {
                return say.Line(response, say.Prompts.AgentCodeUnavailable).Hangup();
            }

            if (counted.Wait is { } wait)
            {
                IvrLog.AgentCodeThrottled(logger, leg.CallSid, claimed.Username, (long)Math.Ceiling(wait.TotalSeconds));
                return say.Line(response, say.Prompts.AgentCodeLocked).Hangup();
            }

            if (codes.Matches(claimed, leg.Digits))
            {
                IvrLog.AgentCodeAccepted(logger, leg.CallSid, claimed.Username);
                await state.TryAsync(leg.CallSid, "forgive agent code try",
                    ct => throttle.ForgiveAsync(claimed.Username, leg.CallSid, attempt, ct), cancellationToken).ConfigureAwait(false);
                return await TakeAsync(request, leg, claimed, cancellationToken).ConfigureAwait(false);
            }

            IvrLog.AgentCodeWrong(logger, leg.CallSid, claimed.Username, attempt);
        }
        else
        {
            IvrLog.AgentCodeFromUnknownNumber(logger, leg.CallSid, attempt);
        }

        if (attempt >= codeOptions.Value.MaxTriesPerCall)
        {
            return say.Line(response, say.Prompts.AgentCodeRefused).Hangup();
        }

        say.Line(response, say.Prompts.AgentCodeWrong);
        return AskForCode(request, response, attempt + 1);
    }

    private VoiceResponse AskForCode(HttpRequest request, VoiceResponse response, int attempt)
    {
        var say = Say;
        // Twilio ends the input at '#' by default and leaves it out of Digits.
        var gather = new Gather(
            input: [Gather.InputEnum.Dtmf],
            action: urls.For(request, IvrUrls.AgentCode, "try", attempt),
            timeout: CodeTimeoutSeconds,
            actionOnEmptyResult: false);
        say.Line(gather, say.Prompts.AgentCodeAsk);
        response.Append(gather);
        // Nothing keyed: nobody is let in.
        return say.Line(response, say.Prompts.AgentCodeRefused).Hangup();
    }

    private async Task<VoiceResponse> TakeAsync(HttpRequest request, TwilioWebhook leg, AgentOptions agent, CancellationToken cancellationToken)
    {
        await state.TryAsync(leg.CallSid, "record agent leg",
            ct => calls.RecordAgentLegAsync(leg.CallSid, agent.Username, ct), cancellationToken).ConfigureAwait(false);
        return new VoiceResponse().Append(new Dial().Queue(options.Value.QueueName, url: urls.For(request, IvrUrls.Dequeued)));
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Agents;
using PhoneBridge.Calls;
using PhoneBridge.Pins;
using Twilio.TwiML;
using Gather = Twilio.TwiML.Voice.Gather;

namespace PhoneBridge.Ivr;

/// <summary>
/// Binds a call to the agent who took it. With <c>&lt;Dial&gt;</c>, Twilio fetches the whisper URL
/// on the answering agent's leg only, and that leg's <c>To</c> is the number or client Twilio dialled
/// from our own TwiML, so the request names who answered; with a queue, the agent's own call leg
/// (recognised by <see cref="AgentLine"/>) is looked up when it dequeues the caller. Each agent leg
/// binds once (<see cref="RedisCallStore.BindAgentLegAsync"/>), so a retried or replayed request answers
/// as before but never binds again.
/// </summary>
internal sealed class AgentBinding(
    IAgentDirectory agents,
    IPinStore pins,
    RedisCallStore calls,
    ICallEvents events,
    TransferMarks transfers,
    IvrState state,
    IvrUrls urls,
    IOptions<IvrOptions> options,
    ILogger<AgentBinding> logger)
{
    /// <summary>
    /// Played to a leg that must press a key to take the call (<see cref="IvrOptions.AcceptByKey"/>).
    /// It binds nobody: a voicemail greeting plays over it, no key comes, and the leg is hung up.
    /// </summary>
    public VoiceResponse Ask(HttpRequest request, TwilioWebhook leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        var say = IvrSpeaker.For(options.Value);
        var gather = new Gather(
            input: [Gather.InputEnum.Dtmf],
            action: urls.For(request, IvrUrls.WhisperAccept),
            timeout: options.Value.AcceptTimeoutSeconds,
            numDigits: 1,
            actionOnEmptyResult: false);
        say.Line(gather, say.Prompts.AcceptAsk);
        return new VoiceResponse().Append(gather).Hangup();
    }

    /// <summary>The key pressed after <see cref="Ask"/>: any key takes the call, as the whisper does.</summary>
    public Task<VoiceResponse> AcceptAsync(TwilioWebhook leg, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return string.IsNullOrEmpty(leg.Digits)
            ? Task.FromResult(new VoiceResponse().Hangup())
            : WhisperAsync(leg, cancellationToken);
    }

    /// <summary>Played to the agent who answered, before the caller is connected.</summary>
    public async Task<VoiceResponse> WhisperAsync(TwilioWebhook leg, CancellationToken cancellationToken)
    {
        var say = IvrSpeaker.For(options.Value);
        var response = new VoiceResponse();
        var callerSid = leg.ParentCallSid;
        if (callerSid is null)
        {
            return say.Line(response, say.Prompts.WhisperNoPin);
        }

        var agent = agents.FindByAddress(leg.To);
        if (agent is null)
        {
            IvrLog.UnknownAgent(logger, callerSid);
        }
        else
        {
            await BindAsync(callerSid, leg.CallSid, agent, cancellationToken).ConfigureAwait(false);
        }

        var pin = await state.TryAsync(callerSid, "whisper PIN",
            ct => pins.FindByCallAsync(callerSid, ct), cancellationToken).ConfigureAwait(false);
        return pin is null
            ? say.Line(response, say.Prompts.WhisperNoPin)
            : say.Line(response, $"{say.Prompts.WhisperPin} {PinSpeech.Spell(pin.Digits)}");
    }

    /// <summary>Played to the queued caller as an agent takes them: binds the call and names the agent.</summary>
    public async Task<VoiceResponse> DequeuedAsync(TwilioWebhook caller, CancellationToken cancellationToken)
    {
        var say = IvrSpeaker.For(options.Value, caller);
        var response = new VoiceResponse();
        var agentLeg = caller.DequeuingCallSid;
        var username = agentLeg is null
            ? null
            : await state.TryAsync(caller.CallSid, "find agent leg",
                ct => calls.FindAgentOnLegAsync(agentLeg, ct), cancellationToken).ConfigureAwait(false);
        var agent = agents.FindByUsername(username);
        if (agent is null)
        {
            return response;
        }

        await BindAsync(caller.CallSid, agentLeg!, agent, cancellationToken).ConfigureAwait(false);
        return say.Line(response, $"{say.Prompts.YouAreWith} {agent.DisplayName}.");
    }

    private async Task BindAsync(string callSid, string agentLeg, AgentOptions agent, CancellationToken cancellationToken)
    {
        var binding = await state.TryAsync(callSid, "bind agent",
            ct => calls.BindAgentLegAsync(callSid, agentLeg, agent.Username, ct), cancellationToken).ConfigureAwait(false);
        if (binding is { Outcome: CallBindingOutcome.Bound, Call: var bound })
        {
            IvrLog.AgentAnswered(logger, callSid, agent.Username);
            await state.TryAsync(callSid, "agent answered event",
                ct => events.AgentAnsweredAsync(bound, ct), cancellationToken).ConfigureAwait(false);
            await MarkAnsweredAsync(bound, cancellationToken).ConfigureAwait(false);
            // The agent a transfer rings has taken it: its result must not ring the first agent back.
            await state.TryAsync(callSid, "mark transfer taken",
                ct => transfers.TakenAsync(callSid, agent.Username, ct), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// An agent on the line means the call is in progress. Twilio's number-level status callback
    /// reports only the end by default, so without this the call would read "ringing" until then.
    /// </summary>
    private async Task MarkAnsweredAsync(CallRecord bound, CancellationToken cancellationToken)
    {
        if (bound.Status is not (CallStatus.Queued or CallStatus.Ringing))
        {
            return;
        }

        var answered = await state.TryAsync(bound.CallSid, "mark in progress",
            ct => calls.UpdateStatusAsync(bound.CallSid, CallStatus.InProgress, ct), cancellationToken).ConfigureAwait(false);
        if (answered is { Changed: true })
        {
            await state.TryAsync(bound.CallSid, "call status event",
                ct => events.CallStatusChangedAsync(answered.Call, ct), cancellationToken).ConfigureAwait(false);
        }
    }
}

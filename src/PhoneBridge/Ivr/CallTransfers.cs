using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Agents;
using PhoneBridge.Calls;
using PhoneBridge.Twilio.Rest;
using Twilio.TwiML;
using Dial = Twilio.TwiML.Voice.Dial;

namespace PhoneBridge.Ivr;

/// <summary>
/// Moves a live call to another agent through Twilio's REST API: the caller's leg gets new TwiML
/// that says so and dials the agent, who must take the call as any answer is taken (the whisper,
/// or a key where <see cref="IvrOptions.AcceptByKey"/> asks for one). When nobody takes it, the
/// call rings the agent it came from again (see docs/twilio-setup.md, "Transfers"). Also reads the transfer's <c>&lt;Dial&gt;</c> result. Updating the caller's
/// leg with new TwiML ends what it was running (the bridge to the first agent, or the queue's), so
/// the first agent's leg drops and the caller hears the new TwiML. Its dial's action URL carries the
/// transfer's id and both agents, which Twilio signs with the rest of the request.
/// </summary>
internal sealed class CallTransfers(
    RedisCallStore calls,
    ITwilioCalls twilio,
    TransferMarks marks,
    IAgentDirectory agents,
    ICallTransferEvents events,
    CallRouter router,
    IvrState state,
    IvrUrls urls,
    IOptions<IvrOptions> options,
    ILogger<CallTransfers> logger)
{
    // Ringing lasts at most the dial's timeout plus the key's; the margin covers Twilio's own delays.
    private TimeSpan MarkLifetime => TimeSpan.FromSeconds(Options.DialTimeoutSeconds + Options.AcceptTimeoutSeconds + 120);

    private IvrOptions Options => options.Value;

    /// <summary>
    /// Redirects the caller's leg of <paramref name="callSid"/> to ring <paramref name="toAgent"/>. Nothing
    /// changes hands yet: the call and its session move when <paramref name="toAgent"/> takes the call.
    /// </summary>
    /// <param name="request">The request that asked, whose origin the webhook URLs use unless <c>Twilio:BaseUrlOverride</c> is set.</param>
    /// <param name="callSid">The caller's leg (the session's call).</param>
    /// <param name="fromAgent">The agent the call is with now, who gets it back if nobody takes it.</param>
    /// <param name="toAgent">The agent to ring.</param>
    /// <param name="cancellationToken">Stops waiting; a request already sent to Twilio may still land.</param>
    public async Task<CallTransferOutcome> TransferAsync(
        HttpRequest request, string callSid, string fromAgent, AgentOptions toAgent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(fromAgent);
        ArgumentNullException.ThrowIfNull(toAgent);
        var (from, to) = (fromAgent, toAgent);
        if (!AgentNouns.Any(to))
        {
            return CallTransferOutcome.NoPhone;
        }

        if (await calls.GetAsync(callSid, cancellationToken).ConfigureAwait(false) is not { Status: CallStatus.InProgress, EndedAt: null })
        {
            return CallTransferOutcome.NotInProgress;
        }

        var id = RandomNumberGenerator.GetHexString(16, lowercase: true);
        switch (await marks.BeginAsync(callSid, id, from, to.Username, MarkLifetime, cancellationToken).ConfigureAwait(false))
        {
            case "ringing":
                return CallTransferOutcome.AlreadyRinging;
            case "over":
                return CallTransferOutcome.NotInProgress;
        }

        var say = IvrSpeaker.For(Options);
        var response = say.Line(new VoiceResponse(), say.Prompts.Transferring).Append(Ring(request, to, id, from, back: false));
        // Not cancelled with the asker: once sent, the answer decides whether the mark stays.
        var updated = await twilio.UpdateTwimlAsync(callSid, response.ToString(SaveOptions.DisableFormatting), CancellationToken.None)
            .ConfigureAwait(false);
        if (updated.Error is not { } error)
        {
            IvrLog.TransferRinging(logger, callSid, from, to.Username);
            return CallTransferOutcome.Ringing;
        }

        IvrLog.TransferNotSent(logger, callSid, to.Username, error.Failure, error.Status, error.Code);
        await marks.EndAsync(callSid, id, CancellationToken.None).ConfigureAwait(false);
        return error switch
        {
            { Failure: TwilioRestFailure.NotConfigured } => CallTransferOutcome.NotConfigured,
            { Failure: TwilioRestFailure.Unreachable } => CallTransferOutcome.Unreachable,
            // 21220: the call is not in progress; 20404: Twilio does not know it.
            { Code: 21220 or 20404 } or { Status: 404 } => CallTransferOutcome.NotInProgress,
            _ => CallTransferOutcome.Refused,
        };
    }

    /// <summary>
    /// The transfer's dial is over. Taken by the agent rung: the conversation has happened. Not taken
    /// (no answer, busy, a voicemail that pressed no key): the first agent is told and rung again; if
    /// they do not take it back either, the call is routed as a new one is.
    /// </summary>
    public async Task<VoiceResponse> ResultAsync(HttpRequest request, TwilioWebhook call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? id = request.Query["id"], from = request.Query["from"], to = request.Query["to"];
        var back = request.Query["back"] == "1";
        var response = new VoiceResponse();
        var outcome = call.DialCallStatus ?? "unknown";
        IvrLog.TransferDialEnded(logger, call.CallSid, outcome, back);
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
        {
            return router.Route(request, call, response, attempt: 1, announce: true);
        }

        var mark = await state.TryAsync(call.CallSid, "end transfer",
            async ct => (TransferMark?)await marks.EndAsync(call.CallSid, id, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        if (call.CallStatus is "completed" or "canceled" or "busy" or "failed" or "no-answer")
        {
            // The caller has gone: nothing to do here.
            return response.Hangup();
        }

        // Superseded by a later transfer, Twilio runs that one's TwiML and not this answer; by this
        // result's own ring-back, this is a retry, which must hear the ring-back again. Either way
        // the answer is worked out as without a mark, and nobody is told.

        var taken = mark is { State: TransferMarkState.Current }
            ? mark.TakenBy == to
            : await TakenWithoutMarkAsync(call, outcome, to, back, cancellationToken).ConfigureAwait(false);
        if (taken)
        {
            return response.Hangup();
        }

        var say = IvrSpeaker.For(Options, call);
        var first = agents.FindByUsername(from);
        if (back || first is null || !AgentNouns.Any(first))
        {
            IvrLog.TransferNotTakenBack(logger, call.CallSid, from);
            say.Line(response, say.Prompts.StillTrying);
            return router.Route(request, call, response, attempt: 1, announce: false);
        }

        IvrLog.TransferNotTaken(logger, call.CallSid, to, from);
        var again = RandomNumberGenerator.GetHexString(16, lowercase: true);
        // Told and marked once: a retried or replayed result finds no mark of its transfer, so it
        // neither tells again nor leaves a mark that would hold off the next transfer.
        if (mark is { State: TransferMarkState.Current })
        {
            await state.TryAsync(call.CallSid, "tell transfer not taken",
                ct => events.TransferUnansweredAsync(call.CallSid, from, to, ct), cancellationToken).ConfigureAwait(false);
            await state.TryAsync(call.CallSid, "mark ringing back",
                async ct => (string?)await marks.BeginAsync(call.CallSid, again, from, from, MarkLifetime, ct).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }

        say.Line(response, say.Prompts.TransferBack);
        return response.Append(Ring(request, first, again, from, back: true));
    }

    // Without the mark (Redis down, or a retried result), the call's record says who has it; when it
    // cannot say, an answered dial is taken as taken, as the first dial's result does.
    private async Task<bool> TakenWithoutMarkAsync(TwilioWebhook call, string outcome, string to, bool back, CancellationToken cancellationToken)
    {
        if (outcome is not ("completed" or "answered"))
        {
            return false;
        }

        var record = await state.TryAsync(call.CallSid, "check who took the transfer",
            ct => calls.GetAsync(call.CallSid, ct), cancellationToken).ConfigureAwait(false);
        return back || record is null || record.AnsweringAgent == to;
    }

    private Dial Ring(HttpRequest request, AgentOptions agent, string id, string from, bool back)
    {
        var action = urls.For(request, IvrUrls.TransferResult,
            ("id", id), ("from", from), ("to", agent.Username), ("back", back ? "1" : "0"));
        var dial = new Dial(
            action: action,
            timeout: Options.DialTimeoutSeconds,
            callerId: string.IsNullOrWhiteSpace(Options.CallerId) ? null : Options.CallerId,
            answerOnBridge: true);
        AgentNouns.Add(dial, agent, Options.AcceptByKey, urls.For(request, IvrUrls.Whisper), urls.For(request, IvrUrls.WhisperAsk), nouns: 0);
        return dial;
    }
}

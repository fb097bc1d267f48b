using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PhoneBridge.Calls;
using PhoneBridge.Ivr;
using PhoneBridge.Twilio.Rest;
using PinCovisor.Web.Hub;
using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.CallBack;

/// <summary>
/// "Call me back" in a web session: the customer leaves a number, the agent in charge has the host
/// call it. The number is checked with libphonenumber and kept only in Redis beside the session,
/// encrypted with the hosts' Data Protection key ring, until the call is placed; events and logs
/// carry it masked (<see cref="PhoneNumberMask"/>) or not at all. Each refusal is a
/// <see cref="HubException"/> fit to show. See docs/hub-protocol.md.
/// </summary>
internal sealed class CallBackDesk(
    CallBackStore store,
    CallBackDialer dialer,
    RedisCallStore calls,
    ICallEvents callEvents,
    SessionEvents events,
    IDataProtectionProvider protection,
    IOptions<CallBackOptions> options,
    ILogger<CallBackDesk> logger)
{
    private readonly IDataProtector _protector = protection.CreateProtector("PinCovisor.CallBack.Number");

    /// <summary>True when the shop calls customers back and the session has no call yet.</summary>
    public bool IsOffered(CovisorSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return options.Value.IsEnabled && session.CallSid is null;
    }

    /// <summary>Records the customer's request and tells the session (the number masked); returns the event's seq.</summary>
    public async Task<long> RequestAsync(CovisorSession session, EventAuthor customer, string? typed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var settings = options.Value;
        if (!IsOffered(session))
        {
            throw settings.IsEnabled ? HasCall() : Unavailable();
        }

        var number = CallBackNumbers.ToE164(typed, settings.DefaultRegion)
            ?? throw HubErrors.Invalid("That is not a phone number we can call. Check it, and add the country code (+44…) if it is from abroad.");
        var masked = PhoneNumberMask.Mask(number);
        var (outcome, wait) = await store.TryRequestAsync(session.Id, _protector.Protect(number), masked, settings.RequestInterval,
            cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case CallBackRequestOutcome.SessionGone:
                throw HubErrors.Ended();
            case CallBackRequestOutcome.HasCall:
                throw HasCall();
            case CallBackRequestOutcome.TooSoon:
                throw HubErrors.Invalid(string.Create(CultureInfo.InvariantCulture,
                    $"You asked to be called a moment ago; wait {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds before asking again."));
        }

        CallBackDeskLog.Requested(logger, session.Id);
        // Not cancelled with the caller: once stored, the agent must hear of it.
        var appended = await events.PublishAsync(session.Id, CallBackEventKinds.Requested, customer, new CallBackRequested(masked),
            cancellationToken: CancellationToken.None).ConfigureAwait(false);
        return appended.Seq;
    }

    /// <summary>
    /// Places the requested call for the agent in charge and binds the session to it; returns the
    /// <c>callback.placed</c> event's seq. Whatever fails, nothing is left half-done: a call not
    /// placed leaves the request for another try, a call placed but not bound is hung up.
    /// </summary>
    public async Task<long> PlaceAsync(HttpRequest request, CovisorSession session, EventAuthor agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(agent);
        if (!options.Value.IsEnabled)
        {
            throw Unavailable();
        }

        var (outcome, pending) = await store.TryStartPlacingAsync(session.Id, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case CallBackClaimOutcome.SessionGone:
                throw HubErrors.Ended();
            case CallBackClaimOutcome.HasCall:
                throw HasCall();
            case CallBackClaimOutcome.NoRequest:
                throw HubErrors.Invalid("The customer has not asked to be called.");
            case CallBackClaimOutcome.AlreadyPlacing:
                throw HubErrors.Invalid("The call to the customer is already being placed.");
        }

        TwilioRestResult<string> placed;
        try
        {
            // Not cancelled with the agent's connection: a request cut off after it reached Twilio
            // would leave a call ringing that nobody records (Twilio:ApiTimeout bounds the wait).
            placed = await dialer.PlaceAsync(request, _protector.Unprotect(pending!.ProtectedNumber), agent.Id!, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch
        {
            await store.StopPlacingAsync(session.Id).ConfigureAwait(false);
            throw;
        }

        if (placed is not { Succeeded: true, Value: { } callSid })
        {
            await store.StopPlacingAsync(session.Id).ConfigureAwait(false);
            CallBackDeskLog.NotPlaced(logger, session.Id, placed.Error?.Failure.ToString() ?? "no call SID", placed.Error?.Code);
            throw NotPlaced(placed.Error);
        }

        // From here the call rings: nothing may be cancelled with the agent's connection, and a
        // call the session cannot follow is hung up.
        bool bound;
        try
        {
            bound = await store.BindAsync(session.Id, callSid).ConfigureAwait(false);
        }
        catch
        {
            await AbandonAsync(session.Id, callSid).ConfigureAwait(false);
            throw;
        }

        if (!bound)
        {
            // The session closed (or got another call) while this one was being placed.
            await AbandonAsync(session.Id, callSid).ConfigureAwait(false);
            throw HubErrors.Ended();
        }

        CallBackDeskLog.Placed(logger, session.Id, agent.Id!, callSid);
        var appended = await events.PublishAsync(session.Id, CallBackEventKinds.Placed, agent, new CallBackPlaced(pending.MaskedNumber),
            cancellationToken: CancellationToken.None).ConfigureAwait(false);
        // Status callbacks that arrived before the binding found no session: tell it where the call stands now.
        if (await calls.GetAsync(callSid, CancellationToken.None).ConfigureAwait(false) is { } record)
        {
            await callEvents.CallStatusChangedAsync(record, CancellationToken.None).ConfigureAwait(false);
        }

        return appended.Seq;
    }

    private async Task AbandonAsync(string sessionId, string callSid)
    {
        CallBackDeskLog.NotBound(logger, sessionId, callSid);
        await dialer.HangUpAsync(callSid, CancellationToken.None).ConfigureAwait(false);
    }

    private static HubException Unavailable() => HubErrors.Invalid("This shop does not call customers back.");

    private static HubException HasCall() => HubErrors.Invalid("This session already has a call.");

    private static HubException NotPlaced(TwilioRestError? error) => HubErrors.Invalid(error switch
    {
        { Failure: TwilioRestFailure.Refused, Code: 21211 or 21214 or 21215 or 21216 or 21217 } =>
            "The phone network refused to call that number; ask the customer to check it.",
        { Failure: TwilioRestFailure.Refused, Code: 21210 or 21212 } =>
            "The shop's number cannot place calls; an administrator must check CallBack:From.",
        { Failure: TwilioRestFailure.Unreachable } => "The phone service did not answer; try again in a moment.",
        { Failure: TwilioRestFailure.NotConfigured } => "Calls cannot be placed: the shop's Twilio account is not configured.",
        _ => "The phone service refused the call; try again in a moment.",
    });
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Calls;
using PhoneBridge.Hours;
using PhoneBridge.Pins;
using Twilio.TwiML;
using Gather = Twilio.TwiML.Voice.Gather;

namespace PhoneBridge.Ivr;

/// <summary>
/// The caller's first minute: greeting, the PIN read twice digit by digit, and the menu
/// (1 repeats it, 2 texts it, <see cref="IvrOrderOptions.Key"/> takes an order number when offered).
/// Then the call is routed, PIN or not.
/// </summary>
internal sealed class IncomingCall(
    IPinStore pins,
    RedisCallStore calls,
    ICallerIndex callers,
    ICallEvents events,
    BusinessHours hours,
    IvrState state,
    IvrUrls urls,
    CallRouter router,
    PinBySms sms,
    OrderEntry order,
    IOptions<IvrOptions> options,
    ILogger<IncomingCall> logger)
{
    private IvrOptions Options => options.Value;

    public async Task<VoiceResponse> AnswerAsync(HttpRequest request, TwilioWebhook call, CancellationToken cancellationToken)
    {
        var say = IvrSpeaker.For(Options, call);
        var response = new VoiceResponse();
        if (!hours.IsOpen())
        {
            IvrLog.Closed(logger, call.CallSid);
            return say.Line(response, say.Prompts.Closed).Hangup();
        }

        say.Line(response, say.Prompts.Greeting);
        var pin = await state.TryAsync(call.CallSid, "issue PIN", async ct =>
        {
            // The call's record, its PIN and the caller's index live on different slots and do not depend on each
            // other, so both go out at once: the caller waits for the slower, not for the sum.
            var recorded = calls.RecordIncomingAsync(call.CallSid, call.From, ct);
            var issued = pins.IssueAsync(call.CallSid, ct);
            await Task.WhenAll(recorded, issued, callers.AddCallAsync(call.CallSid, call.From, ct)).ConfigureAwait(false);
            await events.CallStartedAsync(await recorded.ConfigureAwait(false), ct).ConfigureAwait(false);
            return await issued.ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        if (pin is null)
        {
            say.Line(response, say.Prompts.VisualUnavailable);
            return router.Route(request, call, response, attempt: 1, announce: false);
        }

        IvrLog.PinRead(logger, call.CallSid, pin.Digits.Length);
        return Menu(request, call, response, pin, repeats: 0, twice: true);
    }

    public async Task<VoiceResponse> MenuAsync(HttpRequest request, TwilioWebhook call, int repeats, CancellationToken cancellationToken)
    {
        var response = new VoiceResponse();
        switch (call.Digits)
        {
            case "1" when repeats < Options.MaxRepeats:
                var pin = await state.TryAsync(call.CallSid, "repeat PIN",
                    ct => pins.FindByCallAsync(call.CallSid, ct), cancellationToken).ConfigureAwait(false);
                return pin is null
                    ? router.Route(request, call, response, attempt: 1, announce: true)
                    : Menu(request, call, response, pin, repeats + 1, twice: false);
            case var key when order.IsKey(key):
                return order.Ask(request, call, response, attempt: 1);
            case "2":
                await sms.SendAsync(request, call, response, cancellationToken).ConfigureAwait(false);
                return router.Route(request, call, response, attempt: 1, announce: true);
            default:
                return router.Route(request, call, response, attempt: 1, announce: true);
        }
    }

    private VoiceResponse Menu(HttpRequest request, TwilioWebhook call, VoiceResponse response, IssuedPin pin, int repeats, bool twice)
    {
        var say = IvrSpeaker.For(Options, call);
        var spelled = PinSpeech.Spell(pin.Digits);
        // The PIN is read inside the Gather so a caller who already knows it can press a key at once.
        var gather = new Gather(
            input: [Gather.InputEnum.Dtmf],
            action: urls.For(request, IvrUrls.Menu, "repeats", repeats),
            timeout: Options.MenuTimeoutSeconds,
            numDigits: 1,
            actionOnEmptyResult: false);
        say.Line(gather, say.Prompts.PinIntro);
        say.Line(gather, spelled);
        if (twice)
        {
            gather.Pause(1);
            say.Line(gather, say.Prompts.PinAgain);
            say.Line(gather, spelled);
        }

        say.Line(gather, sms.Offered ? say.Prompts.Menu : say.Prompts.MenuRepeatOnly);
        if (order.Offered)
        {
            say.Line(gather, order.OfferLine(say));
        }

        response.Append(gather);
        // No key pressed: the caller goes on to an agent.
        return response.Redirect(urls.For(request, IvrUrls.Route, "attempt", 1));
    }
}

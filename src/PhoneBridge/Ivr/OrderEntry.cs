using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.TwiML;
using Gather = Twilio.TwiML.Voice.Gather;

namespace PhoneBridge.Ivr;

/// <summary>
/// The menu's order key (<see cref="IvrOrderOptions"/>): the caller keys the digits and <c>#</c>, the
/// shop is asked whether it knows the number (for at most <see cref="IvrOrderOptions.CheckTimeout"/>),
/// and the number goes to the call's session. Digits that cannot be a number, or a number the shop
/// does not know, get one more try; then the call goes on without it, as it would have from the menu.
/// </summary>
internal sealed class OrderEntry(
    IKeyedOrders orders,
    IvrState state,
    IvrUrls urls,
    CallRouter router,
    IOptions<IvrOptions> options,
    ILogger<OrderEntry> logger)
{
    private const int Tries = 2;

    private IvrOrderOptions Options => options.Value.OrderLookup;

    /// <summary>True when the menu offers the order key.</summary>
    public bool Offered => Options.Enabled;

    /// <summary>True when <paramref name="digits"/> is the menu's order key and the menu offers it.</summary>
    public bool IsKey(string? digits) => Offered && digits == Options.Key;

    /// <summary>The line the menu adds, in the caller's language.</summary>
    public string OfferLine(IvrSpeaker say)
    {
        ArgumentNullException.ThrowIfNull(say);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, OrderPrompts.For(say.Prompts).Offer, Options.Key);
    }

    /// <summary>Asks for the digits (try 1 after the menu's key, try 2 after a failed one).</summary>
    public VoiceResponse Ask(HttpRequest request, TwilioWebhook call, VoiceResponse response, int attempt)
    {
        var say = IvrSpeaker.For(options.Value, call);
        var action = urls.For(request, IvrUrls.Order, "try", attempt);
        var gather = new Gather(
            input: [Gather.InputEnum.Dtmf],
            action: action,
            finishOnKey: "#",
            numDigits: Options.MaxDigits,
            timeout: Options.TimeoutSeconds,
            actionOnEmptyResult: true);
        say.Line(gather, OrderPrompts.For(say.Prompts).Ask);
        response.Append(gather);
        // Twilio posts to the action even with nothing keyed; should it not, the try still ends.
        return response.Redirect(action);
    }

    /// <summary>The digits Twilio gathered on try <paramref name="attempt"/>.</summary>
    public async Task<VoiceResponse> KeyedAsync(HttpRequest request, TwilioWebhook call, int attempt, CancellationToken cancellationToken)
    {
        var say = IvrSpeaker.For(options.Value, call);
        var prompts = OrderPrompts.For(say.Prompts);
        var response = new VoiceResponse();
        var digits = call.Digits;
        if (!Options.Enabled)
        {
            return router.Route(request, call, response, attempt: 1, announce: true);
        }

        if (!Options.Accepts(digits))
        {
            IvrLog.OrderDigitsRefused(logger, call.CallSid, digits?.Length ?? 0, attempt);
            return Retry(request, call, response, say, prompts.NotValid, attempt);
        }

        var number = Options.NumberFor(digits!);
        var check = await CheckAsync(number, cancellationToken).ConfigureAwait(false);
        if (check == KeyedOrderCheck.NotFound)
        {
            IvrLog.OrderNotFound(logger, call.CallSid, attempt);
            return Retry(request, call, response, say, prompts.NotFound, attempt);
        }

        var told = await state.TryAsync(call.CallSid, "keyed order",
            ct => orders.KeyedAsync(call.CallSid, number, ct), cancellationToken).ConfigureAwait(false);
        IvrLog.OrderKeyed(logger, call.CallSid, check, told);
        say.Line(response, told ? prompts.Noted : prompts.GoingOn);
        return router.Route(request, call, response, attempt: 1, announce: true);
    }

    private VoiceResponse Retry(HttpRequest request, TwilioWebhook call, VoiceResponse response, IvrSpeaker say, string why, int attempt)
    {
        say.Line(response, why);
        if (attempt < Tries)
        {
            return Ask(request, call, response, attempt + 1);
        }

        say.Line(response, OrderPrompts.For(say.Prompts).GoingOn);
        return router.Route(request, call, response, attempt: 1, announce: true);
    }

    // The shop's answer is worth waiting for only so long: past it the number is taken as keyed,
    // and the host looks it up again for the session.
    private async Task<KeyedOrderCheck> CheckAsync(string number, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Options.CheckTimeout);
        try
        {
            return await orders.CheckAsync(number, budget.Token).WaitAsync(budget.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever failed in the check, the caller goes on.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            IvrLog.OrderNotChecked(logger, e.GetType().Name, e is OperationCanceledException ? null : e);
            return KeyedOrderCheck.Unchecked;
        }
    }
}

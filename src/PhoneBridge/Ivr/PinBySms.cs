using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhoneBridge.Calls;
using PhoneBridge.Pins;
using PhoneBridge.Twilio.Messaging;
using Twilio.TwiML;

namespace PhoneBridge.Ivr;

/// <summary>Menu option 2: text the caller a link that opens the join page with the PIN filled in.</summary>
internal sealed class PinBySms(
    IPinStore pins,
    RedisCallStore calls,
    ITwilioMessages messages,
    IvrState state,
    IvrUrls urls,
    IOptions<SmsOptions> smsOptions,
    IOptions<IvrOptions> ivrOptions,
    ILogger<PinBySms> logger)
{
    public bool Offered => smsOptions.Value.Enabled && smsOptions.Value.MaxPerCall > 0;

    public async Task SendAsync(HttpRequest request, TwilioWebhook call, VoiceResponse response, CancellationToken cancellationToken)
    {
        var say = IvrSpeaker.For(ivrOptions.Value, call);
        var sent = Offered && await TrySendAsync(request, call, say, cancellationToken).ConfigureAwait(false);
        say.Line(response, sent ? say.Prompts.SmsSent : say.Prompts.SmsFailed);
    }

    private async Task<bool> TrySendAsync(HttpRequest request, TwilioWebhook call, IvrSpeaker say, CancellationToken cancellationToken)
    {
        var sms = smsOptions.Value;
        var from = string.IsNullOrWhiteSpace(sms.From) ? call.To : sms.From;
        if (call.From is null || from is null)
        {
            IvrLog.SmsNotSent(logger, call.CallSid, "no caller number");
            return false;
        }

        var pin = await state.TryAsync(call.CallSid, "find PIN for SMS",
            ct => pins.FindByCallAsync(call.CallSid, ct), cancellationToken).ConfigureAwait(false);
        if (pin is null)
        {
            IvrLog.SmsNotSent(logger, call.CallSid, "no live PIN");
            return false;
        }

        var allowed = await state.TryAsync(call.CallSid, "count SMS",
            async ct => await calls.TryCountSmsAsync(call.CallSid, sms.MaxPerCall, ct).ConfigureAwait(false) ? pin : null,
            cancellationToken).ConfigureAwait(false);
        if (allowed is null)
        {
            IvrLog.SmsNotSent(logger, call.CallSid, "limit per call reached");
            return false;
        }

        var join = string.IsNullOrWhiteSpace(sms.JoinUrl) ? urls.For(request, "/join").OriginalString : sms.JoinUrl;
        var link = $"{join}{(join.Contains('?', StringComparison.Ordinal) ? '&' : '?')}pin={pin.Digits}";
        var body = string.Format(System.Globalization.CultureInfo.InvariantCulture, say.Prompts.SmsBody, pin.Digits, link);

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(sms.Timeout);
        try
        {
            var sent = await messages.SendTextAsync(call.From, from, body, budget.Token).ConfigureAwait(false);
            if (sent)
            {
                IvrLog.SmsSent(logger, call.CallSid);
            }

            return sent;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            IvrLog.SmsNotSent(logger, call.CallSid, "timed out");
            return false;
        }
    }
}

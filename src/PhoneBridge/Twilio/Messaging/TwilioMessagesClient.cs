using PhoneBridge.Telemetry;
using PhoneBridge.Twilio.Rest;

using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace PhoneBridge.Twilio.Messaging;

/// <summary>
/// Messages through the SDK's <see cref="MessageResource"/> (<c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>).
/// A send is a POST: it is never repeated once it may have reached Twilio (<see cref="TwilioRetryRule"/>).
/// </summary>
internal sealed class TwilioMessagesClient(TwilioRest rest, PhoneBridgeMetrics metrics) : ITwilioMessages
{
    public async Task<TwilioRestResult<string>> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var whatsApp = message.To.StartsWith("whatsapp:", StringComparison.Ordinal);
        var result = await CreateAsync(message, whatsApp ? "WhatsApp" : "SMS", cancellationToken).ConfigureAwait(false);
        metrics.Outbound(whatsApp ? "whatsapp" : "sms", result.Succeeded ? "sent" : "failed");
        return result;
    }

    private Task<TwilioRestResult<string>> CreateAsync(OutboundMessage message, string what, CancellationToken cancellationToken) =>
        rest.CallAsync(what, async client =>
            (await MessageResource.CreateAsync(new CreateMessageOptions(new PhoneNumber(message.To))
            {
                From = new PhoneNumber(message.From),
                Body = string.IsNullOrEmpty(message.Body) ? null : message.Body,
                MediaUrl = message.MediaUrl is null ? null : [message.MediaUrl],
                ContentSid = message.ContentSid,
                ContentVariables = message.ContentVariables,
                StatusCallback = message.StatusCallback,
            }, client).ConfigureAwait(false)).Sid,
            cancellationToken);
}

using PhoneBridge.Twilio.Rest;

using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace PhoneBridge.Twilio.Messaging;

/// <summary>
/// Messages through the SDK's <see cref="MessageResource"/> (<c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>).
/// A send is a POST: it is never repeated once it may have reached Twilio (<see cref="TwilioRetryRule"/>).
/// </summary>
internal sealed class TwilioMessagesClient(TwilioRest rest) : ITwilioMessages
{
    public Task<TwilioRestResult<string>> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return rest.CallAsync(message.To.StartsWith("whatsapp:", StringComparison.Ordinal) ? "WhatsApp" : "SMS", async client =>
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
}

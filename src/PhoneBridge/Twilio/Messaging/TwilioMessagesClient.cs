using PhoneBridge.Twilio.Rest;

using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace PhoneBridge.Twilio.Messaging;

/// <summary>
/// Texts through the SDK's <see cref="MessageResource"/> (<c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>).
/// A send is a POST: it is never repeated once it may have reached Twilio (<see cref="TwilioRetryRule"/>).
/// </summary>
internal sealed class TwilioMessagesClient(TwilioRest rest) : ITwilioMessages
{
    public async Task<bool> SendAsync(string recipient, string sender, string body, CancellationToken cancellationToken = default)
    {
        var sent = await rest.CallAsync("SMS", async client =>
            (await MessageResource.CreateAsync(to: new PhoneNumber(recipient), from: new PhoneNumber(sender), body: body, client: client)
                .ConfigureAwait(false)).Sid,
            cancellationToken).ConfigureAwait(false);
        return sent.Succeeded;
    }
}

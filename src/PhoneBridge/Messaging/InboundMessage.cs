namespace PhoneBridge.Messaging;

/// <summary>The channel a customer writes on.</summary>
public enum MessageChannel
{
    /// <summary>WhatsApp through Twilio (addresses <c>whatsapp:+…</c>).</summary>
    WhatsApp,

    /// <summary>Plain SMS (addresses in E.164).</summary>
    Sms,
}

/// <summary>One attachment of an inbound message, as Twilio announces it (not downloaded).</summary>
/// <param name="Url">Twilio's <c>MediaUrl{N}</c>; fetching it needs the account's credentials.</param>
/// <param name="ContentType">Twilio's <c>MediaContentType{N}</c>, e.g. <c>image/jpeg</c>; empty when absent.</param>
public sealed record InboundMedia(string Url, string ContentType);

/// <summary>A message a customer sent to the shop's WhatsApp sender or SMS number.</summary>
/// <param name="MessageSid">Twilio's id (<c>SM…</c> or <c>MM…</c>); a retried webhook repeats it.</param>
/// <param name="Channel">WhatsApp or SMS, from the <c>From</c> address.</param>
/// <param name="Number">The customer's number in E.164 (the address without its channel prefix).</param>
/// <param name="To">The shop's address the customer wrote to, as Twilio sent it.</param>
/// <param name="Body">The text; empty for a message of media only.</param>
/// <param name="ProfileName">The customer's WhatsApp profile name, when Twilio sends one.</param>
/// <param name="WaId">The customer's WhatsApp id, when Twilio sends one.</param>
/// <param name="ButtonText">The text of the quick-reply button the customer tapped, when they tapped one.</param>
/// <param name="Media">Every <c>MediaUrl{N}</c> with its content type, in order.</param>
public sealed record InboundMessage(
    string MessageSid,
    MessageChannel Channel,
    string Number,
    string? To,
    string Body,
    string? ProfileName,
    string? WaId,
    string? ButtonText,
    IReadOnlyList<InboundMedia> Media)
{
    /// <summary>The customer's address with its channel: <c>whatsapp:+34600111222</c> or <c>+34600111222</c>.</summary>
    public string Address => MessagingAddress.Format(Channel, Number);
}

using PhoneBridge.Twilio.Rest;

namespace PhoneBridge.Twilio.Messaging;

/// <summary>Sends messages (SMS and WhatsApp) through Twilio's REST Messages API.</summary>
public interface ITwilioMessages
{
    /// <summary>
    /// Creates <paramref name="message"/> at Twilio. The result carries the new message's SID, or
    /// why Twilio refused it or could not be reached.
    /// </summary>
    Task<TwilioRestResult<string>> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);
}

/// <summary>One message to create at Twilio: text, one attachment, or an approved template.</summary>
/// <param name="To">The recipient: <c>+E.164</c> for SMS, <c>whatsapp:+E.164</c> for WhatsApp.</param>
/// <param name="From">The sender on the same channel.</param>
public sealed record OutboundMessage(string To, string From)
{
    /// <summary>The text (Twilio's <c>Body</c>); may be empty when <see cref="MediaUrl"/> or <see cref="ContentSid"/> is set.</summary>
    public string? Body { get; init; }

    /// <summary>A public URL Twilio fetches the attachment from (Twilio's <c>MediaUrl</c>).</summary>
    public Uri? MediaUrl { get; init; }

    /// <summary>An approved template (Twilio's <c>ContentSid</c>, <c>HX…</c>).</summary>
    public string? ContentSid { get; init; }

    /// <summary>The template's variables as Twilio's <c>ContentVariables</c> JSON object (<c>{"1":"Lucía"}</c>).</summary>
    public string? ContentVariables { get; init; }

    /// <summary>Where Twilio posts the message's status changes (Twilio's <c>StatusCallback</c>).</summary>
    public Uri? StatusCallback { get; init; }
}

/// <summary>The plain text message most callers send.</summary>
public static class TwilioMessagesExtensions
{
    /// <summary>Sends <paramref name="body"/> from <paramref name="sender"/> to <paramref name="recipient"/>; false when it did not reach Twilio.</summary>
    public static async Task<bool> SendTextAsync(
        this ITwilioMessages messages, string recipient, string sender, string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sent = await messages.SendAsync(new OutboundMessage(recipient, sender) { Body = body }, cancellationToken).ConfigureAwait(false);
        return sent.Succeeded;
    }
}

namespace PhoneBridge.Messaging;

/// <summary>Twilio's messaging addresses: <c>whatsapp:+E164</c> for WhatsApp, bare E.164 for SMS.</summary>
public static class MessagingAddress
{
    /// <summary>The prefix Twilio puts before WhatsApp numbers.</summary>
    public const string WhatsAppPrefix = "whatsapp:";

    /// <summary>Reads a <c>From</c> or <c>To</c> address; false when it is neither form.</summary>
    public static bool TryParse(string? address, out MessageChannel channel, out string number)
    {
        channel = MessageChannel.Sms;
        number = string.Empty;
        if (string.IsNullOrWhiteSpace(address))
        {
            return false;
        }

        var text = address.Trim();
        if (text.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase))
        {
            channel = MessageChannel.WhatsApp;
            text = text[WhatsAppPrefix.Length..];
        }

        if (!IsE164(text))
        {
            return false;
        }

        number = text;
        return true;
    }

    /// <summary>The address Twilio expects for <paramref name="number"/> on <paramref name="channel"/>.</summary>
    public static string Format(MessageChannel channel, string number) =>
        channel == MessageChannel.WhatsApp ? WhatsAppPrefix + number : number;

    /// <summary>+ and 8 to 15 digits, the first not 0.</summary>
    public static bool IsE164(string? number) =>
        number is { Length: >= 9 and <= 16 } && number[0] == '+' && number[1] != '0' && number.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;
}

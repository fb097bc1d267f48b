using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace PhoneBridge.Messaging;

/// <summary>
/// Reads Twilio's messaging webhook form into an <see cref="InboundMessage"/>. Fields this code does
/// not know are ignored: Twilio adds fields without notice.
/// </summary>
internal static class MessagingWebhook
{
    // More than any channel carries in one message (WhatsApp: 1 per message, MMS: 10).
    internal const int MaxMedia = 20;

    /// <summary>The message, or null with the name of the first field that makes it unusable.</summary>
    public static (InboundMessage? Message, string? Unusable) Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var sid = Field(form, "MessageSid") ?? Field(form, "SmsMessageSid");
        if (sid is null || sid.Length > 64 || !sid.All(char.IsAsciiLetterOrDigit))
        {
            return (null, "MessageSid");
        }

        if (!MessagingAddress.TryParse(Field(form, "From"), out var channel, out var number))
        {
            return (null, "From");
        }

        var media = new List<InboundMedia>();
        for (var i = 0; i < MaxMedia; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            if (Field(form, "MediaUrl" + index) is { } url)
            {
                media.Add(new InboundMedia(url, Field(form, "MediaContentType" + index) ?? string.Empty));
            }
        }

        return (new InboundMessage(sid, channel, number, Field(form, "To"), form["Body"].ToString(),
            Field(form, "ProfileName"), Field(form, "WaId"), Field(form, "ButtonText"), media), null);
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString().Trim() : null;
}

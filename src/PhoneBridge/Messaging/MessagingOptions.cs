namespace PhoneBridge.Messaging;

/// <summary>WhatsApp and SMS conversations with customers (section <c>Messaging</c>).</summary>
public sealed class MessagingOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Messaging";

    /// <summary>The shop's WhatsApp sender, <c>whatsapp:+34910000000</c>; empty: agents cannot answer on WhatsApp.</summary>
    public string? WhatsAppFrom { get; set; }

    /// <summary>The shop's SMS number in E.164; empty: agents cannot answer by SMS.</summary>
    public string? SmsFrom { get; set; }

    /// <summary>How long the agent who last served a customer address is remembered, to route them to that agent again.</summary>
    public TimeSpan LastAgentMemory { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The sender for <paramref name="channel"/>, or null when none is configured.</summary>
    public string? SenderFor(MessageChannel channel)
    {
        var sender = channel == MessageChannel.WhatsApp ? WhatsAppFrom : SmsFrom;
        return string.IsNullOrWhiteSpace(sender) ? null : sender.Trim();
    }
}

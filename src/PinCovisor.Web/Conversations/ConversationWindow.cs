using System.Globalization;
using PhoneBridge.Messaging;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// WhatsApp's customer service window: a business may write free text to a customer for 24 hours
/// after the customer's last message; outside it only an approved template goes out (Twilio refuses
/// anything else with error 63016). SMS has no window.
/// </summary>
internal static class ConversationWindow
{
    /// <summary>How long free text is allowed after the customer's last message.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    /// <summary>When free text stops being allowed; null for SMS, or when no message of the customer's is on record.</summary>
    public static DateTimeOffset? ClosesAt(ConversationCustomer? customer) =>
        customer is { Channel: MessageChannel.WhatsApp, LastInboundAt: { } last } ? last + Length : null;

    /// <summary>The refusal an agent sees for free text after the window closed.</summary>
    public static string Closed(DateTimeOffset closedAt) => string.Create(CultureInfo.InvariantCulture,
        $"The 24-hour window closed at {closedAt.UtcDateTime:HH:mm} UTC on {closedAt.UtcDateTime:yyyy-MM-dd}; send a template instead.");
}

using PinCovisor.Web.Sessions;

namespace PinCovisor.Web.Insight;

/// <summary>The channels counters are kept per, named as the product names them.</summary>
public static class InsightChannels
{
    public const string Voice = "voice";
    public const string Web = "web";
    public const string WhatsApp = "whatsapp";
    public const string Sms = "sms";

    /// <summary>Every channel, in the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Voice, Web, WhatsApp, Sms];

    public static string Of(SessionOrigin origin) => origin switch
    {
        SessionOrigin.Call => Voice,
        SessionOrigin.Web => Web,
        SessionOrigin.WhatsApp => WhatsApp,
        SessionOrigin.Sms => Sms,
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, "Not a session origin."),
    };

    public static bool IsKnown(string? channel) => channel is not null && All.Contains(channel, StringComparer.Ordinal);
}

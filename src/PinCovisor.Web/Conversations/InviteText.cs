using System.Globalization;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// The line that carries an escalation link, in Spanish for numbers of Spanish-speaking countries
/// and in English otherwise: a conversation knows nothing of its customer's language but the number.
/// </summary>
internal static class InviteText
{
    // Country calling codes of countries where Spanish is the main language.
    private static readonly string[] SpanishPrefixes =
    [
        "+34", "+52", "+53", "+54", "+56", "+57", "+58", "+51", "+591", "+593", "+595", "+598",
        "+502", "+503", "+504", "+505", "+506", "+507", "+240", "+1809", "+1829", "+1849",
    ];

    public static bool IsSpanish(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var number = address.StartsWith("whatsapp:", StringComparison.Ordinal) ? address["whatsapp:".Length..] : address;
        return SpanishPrefixes.Any(prefix => number.StartsWith(prefix, StringComparison.Ordinal));
    }

    public static string For(string address, Uri link, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(link);
        var minutes = Math.Max(1, (int)Math.Round(lifetime.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
        return IsSpanish(address)
            ? $"Abre este enlace para ver lo que te enseño (sirve una vez, durante {minutes} min): {link}"
            : $"Open this link to see what I share with you (it works once, for {minutes} min): {link}";
    }
}

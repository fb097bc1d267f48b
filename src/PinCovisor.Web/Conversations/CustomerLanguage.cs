using System.Globalization;

namespace PinCovisor.Web.Conversations;

/// <summary>
/// Which language to answer a WhatsApp or SMS customer in, from what little a conversation knows:
/// the text they wrote and their number. Spanish when the text looks Spanish (¿ ¡ ñ, or a common
/// Spanish word) or the number is of a Spanish-speaking country; English otherwise.
/// </summary>
internal static class CustomerLanguage
{
    // Country calling codes of countries where Spanish is the main language.
    private static readonly string[] SpanishPrefixes =
    [
        "+34", "+52", "+53", "+54", "+56", "+57", "+58", "+51", "+591", "+593", "+595", "+598",
        "+502", "+503", "+504", "+505", "+506", "+507", "+240", "+1809", "+1829", "+1849",
    ];

    // Words frequent in customers' Spanish messages and rare in English ones ("a", "no", "me" are both).
    private static readonly HashSet<string> SpanishWords = new(StringComparer.Ordinal)
    {
        "hola", "gracias", "buenos", "buenas", "días", "dias", "tardes", "noches", "quiero", "quería", "queria",
        "tenéis", "teneis", "tienen", "tienes", "tiene", "necesito", "pedido", "favor", "qué", "que", "cuándo",
        "cuando", "dónde", "donde", "cuánto", "cuanto", "está", "esta", "estoy", "puedo", "hay", "el", "los", "las",
        "una", "del", "con", "para", "pero", "sí", "talla", "precio", "envío", "envio", "mi", "es", "y",
    };

    private static readonly char[] Separators = [' ', '\n', '\r', '\t', ',', '.', ';', ':', '!', '?', '"', '\'', '(', ')', '-'];

    /// <summary>True when <paramref name="text"/> looks Spanish or <paramref name="address"/> is a Spanish-speaking country's number.</summary>
    /// <param name="text">What the customer wrote; null or empty when there is nothing to go by.</param>
    /// <param name="address"><c>whatsapp:+…</c> or <c>+…</c>.</param>
    public static bool IsSpanish(string? text, string address) => LooksSpanish(text) || IsSpanishNumber(address);

    /// <summary>True for a number (or <c>whatsapp:</c> address) of a Spanish-speaking country.</summary>
    public static bool IsSpanishNumber(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var number = address.StartsWith("whatsapp:", StringComparison.Ordinal) ? address["whatsapp:".Length..] : address;
        return SpanishPrefixes.Any(prefix => number.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static bool LooksSpanish(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var lower = text.ToLower(CultureInfo.InvariantCulture);
        return lower.AsSpan().IndexOfAny("¿¡ñ") >= 0
            || lower.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Any(SpanishWords.Contains);
    }
}

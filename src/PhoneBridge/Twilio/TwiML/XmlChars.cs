using System.Buffers;
using System.Text;

namespace PhoneBridge.Twilio.TwiML;

/// <summary>
/// The escaping rules of xmlbuilder, the library behind the Twilio helper's TwiML. Text escapes
/// <c>&amp; &lt; &gt;</c> and CR; attributes escape <c>&amp; &lt; "</c>, tab, LF and CR and leave
/// <c>&gt;</c> and <c>'</c> alone. Everything else, non-ASCII included, is written as is (UTF-8).
/// </summary>
internal static class XmlChars
{
    /// <summary>Escapes element text.</summary>
    public static void AppendTextEscaped(StringBuilder builder, string? text) =>
        AppendEscaped(builder, text, static c => c switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '\r' => "&#xD;",
            _ => null,
        });

    /// <summary>Escapes an attribute value (written between double quotes).</summary>
    public static void AppendAttributeEscaped(StringBuilder builder, string value) =>
        AppendEscaped(builder, value, static c => c switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '"' => "&quot;",
            '\t' => "&#x9;",
            '\n' => "&#xA;",
            '\r' => "&#xD;",
            _ => null,
        });

    /// <summary>
    /// Rejects what XML 1.0 cannot carry (C0 controls other than tab, LF and CR; U+FFFE; U+FFFF;
    /// lone surrogates). The helper throws for these in text; in attributes it would emit a
    /// document Twilio cannot parse, so we throw there too.
    /// </summary>
    public static string EnsureLegal(string value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        ReadOnlySpan<char> rest = value;
        while (!rest.IsEmpty)
        {
            OperationStatus status = Rune.DecodeFromUtf16(rest, out Rune rune, out int consumed);
            bool legal = status == OperationStatus.Done
                && (rune.Value is '\t' or '\n' or '\r' || (rune.Value >= ' ' && rune.Value is not (0xFFFE or 0xFFFF)));
            if (!legal)
            {
                throw new ArgumentException(
                    $"TwiML cannot contain U+{(int)rest[0]:X4} (at position {value.Length - rest.Length}).", paramName);
            }

            rest = rest[consumed..];
        }

        return value;
    }

    private static void AppendEscaped(StringBuilder builder, string? value, Func<char, string?> escape)
    {
        foreach (char c in value ?? string.Empty)
        {
            string? escaped = escape(c);
            if (escaped is null)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(escaped);
            }
        }
    }
}

using System.Globalization;
using System.Text;

namespace PinCovisor.Web.Hub;

/// <summary>
/// Chat text is data: stored and relayed exactly as cleaned here, never HTML-encoded or rendered by
/// the server. Clients must insert it as text (<c>textContent</c>), never as markup.
/// </summary>
internal static class PlainText
{
    /// <summary>
    /// Normalises line breaks to <c>\n</c>, drops control characters (except line feed and tab) and
    /// the bidirectional overrides that can disguise text, and trims. Null when nothing is left.
    /// </summary>
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var c in normalised)
        {
            if (c is '\n' or '\t' || !(char.IsControl(c) || IsBidiControl(c)))
            {
                builder.Append(c);
            }
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.Length == 0 ? null : cleaned.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Length as people count it (text elements), so an emoji is one character.</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    // U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates) reorder what follows them.
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}

using System.Text;

namespace PhoneBridge.Twilio.Urls;

/// <summary>
/// A set of ASCII characters that must be written as <c>%XX</c>; every non-ASCII character is always
/// encoded, as UTF-8 bytes. The named sets are the ones Node uses, so that we rebuild exactly the
/// strings Node's helper would have signed.
/// </summary>
internal sealed class PercentEncodeSet
{
    // Node 20 (ada) does not yet encode '^' in paths although the current URL Standard does; we
    // follow the helper as it runs, because matching its output is the whole point.
    private const string QueryChars = " \"#<>";
    private const string PathChars = QueryChars + "?`{}";

    /// <summary>WHATWG fragment percent-encode set.</summary>
    public static readonly PercentEncodeSet Fragment = new(" \"<>`");

    /// <summary>WHATWG special-query percent-encode set (http, https, ws, wss, ftp).</summary>
    public static readonly PercentEncodeSet SpecialQuery = new(QueryChars + "'");

    /// <summary>WHATWG path percent-encode set, as Node 20 applies it.</summary>
    public static readonly PercentEncodeSet Path = new(PathChars);

    /// <summary>WHATWG userinfo percent-encode set.</summary>
    public static readonly PercentEncodeSet UserInfo = new(PathChars + "/:;=@[\\]^|");

    /// <summary>What Node's legacy <c>querystring.escape</c> encodes: all but A-Z a-z 0-9 - _ . ! ~ * ' ( ).</summary>
    public static readonly PercentEncodeSet LegacyQueryString = Except(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()");

    private readonly bool[] _encoded = new bool[128];

    private PercentEncodeSet(string extra)
    {
        for (int c = 0; c < 128; c++)
        {
            // The C0 control set (controls and DEL) is part of every WHATWG set.
            _encoded[c] = c < 0x20 || c == 0x7F || extra.Contains((char)c, StringComparison.Ordinal);
        }
    }

    private static PercentEncodeSet Except(string kept)
    {
        PercentEncodeSet set = new(string.Empty);
        for (int c = 0; c < 128; c++)
        {
            set._encoded[c] = !kept.Contains((char)c, StringComparison.Ordinal);
        }

        return set;
    }

    /// <summary>Appends <paramref name="text"/>, encoding the characters in this set.</summary>
    /// <remarks>A lone surrogate becomes U+FFFD (<c>%EF%BF%BD</c>), as in JavaScript's URL parser.</remarks>
    public void AppendEncoded(StringBuilder builder, ReadOnlySpan<char> text)
    {
        Span<byte> utf8 = stackalloc byte[4];
        while (!text.IsEmpty)
        {
            Rune.DecodeFromUtf16(text, out Rune rune, out int consumed);
            text = text[consumed..];
            if (rune.Value < 128 && !_encoded[rune.Value])
            {
                builder.Append((char)rune.Value);
                continue;
            }

            int length = rune.EncodeToUtf8(utf8);
            foreach (byte b in utf8[..length])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Returns <paramref name="text"/> with the characters in this set encoded.</summary>
    public string Encode(ReadOnlySpan<char> text)
    {
        StringBuilder builder = new(text.Length);
        AppendEncoded(builder, text);
        return builder.ToString();
    }
}

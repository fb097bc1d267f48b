using System.Text;

namespace PhoneBridge.Twilio.Urls;

/// <summary>
/// The lenient percent-decoding shared by the WHATWG URL parser and Node's <c>querystring</c>:
/// a valid <c>%XX</c> becomes that byte, anything else is kept, and the bytes are read as UTF-8
/// with U+FFFD for invalid sequences.
/// </summary>
internal static class PercentDecoding
{
    /// <summary>Decodes <paramref name="text"/>; when <paramref name="plusIsSpace"/> a '+' becomes a space first.</summary>
    public static string Decode(ReadOnlySpan<char> text, bool plusIsSpace = false)
    {
        if (text.IndexOfAny('%', '+') < 0)
        {
            return text.ToString();
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        int written = 0;
        for (int read = 0; read < bytes.Length; read++)
        {
            byte b = bytes[read];
            if (b == (byte)'%' && read + 2 < bytes.Length && IsHex(bytes[read + 1]) && IsHex(bytes[read + 2]))
            {
                bytes[written++] = (byte)((HexValue(bytes[read + 1]) << 4) | HexValue(bytes[read + 2]));
                read += 2;
            }
            else
            {
                bytes[written++] = plusIsSpace && b == (byte)'+' ? (byte)' ' : b;
            }
        }

        return Encoding.UTF8.GetString(bytes, 0, written);
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}

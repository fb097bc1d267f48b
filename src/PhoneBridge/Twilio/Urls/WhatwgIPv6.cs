using System.Globalization;
using System.Text;

namespace PhoneBridge.Twilio.Urls;

/// <summary>IPv6 literal parsing and serialisation (lower-case, longest zero run as <c>::</c>) per the WHATWG URL Standard.</summary>
internal static class WhatwgIPv6
{
    /// <summary>Parses the text between the brackets and writes its canonical form.</summary>
    public static bool TrySerialize(string input, out string? serialized)
    {
        ushort[]? pieces = Parse(input);
        serialized = pieces is null ? null : Serialize(pieces);
        return pieces is not null;
    }

    private static ushort[]? Parse(string input)
    {
        ushort[] address = new ushort[8];
        int piece = 0, p = 0;
        int? compress = null;
        if (At(input, p) == ':')
        {
            if (At(input, p + 1) != ':')
            {
                return null;
            }

            p += 2;
            compress = ++piece;
        }

        while (p < input.Length)
        {
            if (piece == 8)
            {
                return null;
            }

            if (input[p] == ':')
            {
                if (compress is not null)
                {
                    return null;
                }

                p++;
                compress = ++piece;
                continue;
            }

            int value = 0, length = 0;
            while (length < 4 && char.IsAsciiHexDigit(At(input, p)))
            {
                value = (value * 16) + HexDigit(input[p]);
                p++;
                length++;
            }

            if (At(input, p) == '.')
            {
                if (length == 0 || piece > 6 || !TryParseEmbeddedIPv4(input, p - length, address, ref piece))
                {
                    return null;
                }

                p = input.Length;
                break;
            }

            if (At(input, p) == ':')
            {
                p++;
                if (p == input.Length)
                {
                    return null;
                }
            }
            else if (p < input.Length)
            {
                return null;
            }

            address[piece++] = (ushort)value;
        }

        if (compress is int c)
        {
            int swaps = piece - c;
            for (int i = 7; i != 0 && swaps > 0; i--, swaps--)
            {
                (address[i], address[c + swaps - 1]) = (address[c + swaps - 1], address[i]);
            }
        }
        else if (piece != 8)
        {
            return null;
        }

        return address;
    }

    // The last 32 bits written as dotted decimal: exactly four parts, no leading zeros.
    private static bool TryParseEmbeddedIPv4(string input, int p, ushort[] address, ref int piece)
    {
        int numbersSeen = 0;
        while (p < input.Length)
        {
            int? part = null;
            if (numbersSeen > 0)
            {
                if (input[p] != '.' || numbersSeen >= 4)
                {
                    return false;
                }

                p++;
            }

            if (!char.IsAsciiDigit(At(input, p)))
            {
                return false;
            }

            while (char.IsAsciiDigit(At(input, p)))
            {
                int digit = input[p] - '0';
                if (part == 0)
                {
                    return false;
                }

                part = ((part ?? 0) * 10) + digit;
                if (part > 255)
                {
                    return false;
                }

                p++;
            }

            address[piece] = (ushort)((address[piece] * 0x100) + part!.Value);
            numbersSeen++;
            if (numbersSeen is 2 or 4)
            {
                piece++;
            }
        }

        return numbersSeen == 4;
    }

    private static string Serialize(ushort[] pieces)
    {
        // Compress the first longest run of two or more zero pieces.
        int compress = -1, longest = 1;
        for (int i = 0; i < 8; i++)
        {
            int end = i;
            while (end < 8 && pieces[end] == 0)
            {
                end++;
            }

            if (end - i > longest)
            {
                (compress, longest) = (i, end - i);
            }
        }

        StringBuilder builder = new();
        for (int i = 0; i < 8; i++)
        {
            if (i == compress)
            {
                builder.Append(i == 0 ? "::" : ":");
                i += longest - 1;
                continue;
            }

            builder.Append(pieces[i].ToString("x", CultureInfo.InvariantCulture));
            if (i != 7)
            {
                builder.Append(':');
            }
        }

        return builder.ToString();
    }

    private static char At(string input, int index) => index < input.Length ? input[index] : '\0';

    private static int HexDigit(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

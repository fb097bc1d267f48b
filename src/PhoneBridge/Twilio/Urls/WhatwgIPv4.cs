using System.Globalization;

namespace PhoneBridge.Twilio.Urls;

/// <summary>IPv4 host parsing as the WHATWG URL Standard defines it, legacy spellings included.</summary>
internal static class WhatwgIPv4
{
    /// <summary>True when the last dot-separated label looks numeric, so the host must parse as IPv4.</summary>
    public static bool EndsInANumber(string domain)
    {
        List<string> parts = Labels(domain);
        string last = parts[^1];
        return (last.Length > 0 && last.All(char.IsAsciiDigit)) || TryParseNumber(last, out _);
    }

    /// <summary>Parses 1 to 4 decimal, octal (leading 0) or hex (0x) parts and writes dotted decimal.</summary>
    public static bool TrySerialize(string domain, out string? serialized)
    {
        serialized = null;
        List<string> parts = Labels(domain);
        if (parts.Count > 4)
        {
            return false;
        }

        List<ulong> numbers = [];
        foreach (string part in parts)
        {
            if (!TryParseNumber(part, out ulong number))
            {
                return false;
            }

            numbers.Add(number);
        }

        if (numbers.Take(numbers.Count - 1).Any(static n => n > 255) || numbers[^1] >= 1UL << (8 * (5 - numbers.Count)))
        {
            return false;
        }

        ulong address = numbers[^1];
        for (int i = 0; i < numbers.Count - 1; i++)
        {
            address += numbers[i] << (8 * (3 - i));
        }

        serialized = string.Join('.', Enumerable.Range(0, 4).Select(i => ((address >> (8 * (3 - i))) & 0xFF).ToString(CultureInfo.InvariantCulture)));
        return true;
    }

    // One trailing dot is allowed ("1.2.3.4."), so drop the empty label it leaves.
    private static List<string> Labels(string domain)
    {
        List<string> parts = [.. domain.Split('.')];
        if (parts.Count > 1 && parts[^1].Length == 0)
        {
            parts.RemoveAt(parts.Count - 1);
        }

        return parts;
    }

    private static bool TryParseNumber(string part, out ulong number)
    {
        number = 0;
        if (part.Length == 0)
        {
            return false;
        }

        int radix = 10;
        ReadOnlySpan<char> digits = part;
        if (digits.Length >= 2 && digits[0] == '0' && (digits[1] | 0x20) == 'x')
        {
            radix = 16;
            digits = digits[2..];
        }
        else if (digits.Length >= 2 && digits[0] == '0')
        {
            radix = 8;
            digits = digits[1..];
        }

        foreach (char c in digits)
        {
            int value = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiHexDigit(c) ? (c | 0x20) - 'a' + 10 : int.MaxValue;
            if (value >= radix)
            {
                return false;
            }

            // Past 2^40 a part is out of range wherever it stands; saturate rather than overflow.
            number = Math.Min((number * (ulong)radix) + (ulong)value, 1UL << 40);
        }

        return true;
    }
}

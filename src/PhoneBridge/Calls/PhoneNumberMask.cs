namespace PhoneBridge.Calls;

/// <summary>
/// Masks a phone number for display and storage: enough to tell callers apart ("the Spanish mobile
/// ending 222"), not enough to call them back.
/// </summary>
public static class PhoneNumberMask
{
    /// <summary>What <see cref="Mask"/> returns when there is no number at all.</summary>
    public const string Unknown = "unknown";

    private const char Hidden = '•';

    // ITU-T E.164 calling codes are prefix-free: 1 and 7 are the only one-digit codes and these
    // are all the two-digit ones; every other code has three digits. So this table is exact.
    private static readonly HashSet<string> TwoDigitCodes =
    [
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
        "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65",
        "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
    ];

    /// <summary>
    /// Masks <paramref name="number"/>. An E.164 number keeps its country code, the first digit of
    /// the national number and the last three, grouped in threes: <c>+34600111222</c> becomes
    /// <c>+34 6•• ••• 222</c>, <c>+12025550123</c> becomes <c>+1 2•• ••• •123</c>. Anything else
    /// (a national number, "anonymous", a SIP address) keeps only its last three characters,
    /// or nothing when it has three or fewer. Null or blank gives <see cref="Unknown"/>.
    /// </summary>
    public static string Mask(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return Unknown;
        }

        var trimmed = number.Trim();
        return TrySplitE164(trimmed, out var countryCode, out var national)
            ? $"+{countryCode} {Group(national[0] + new string(Hidden, national.Length - 4) + national[^3..])}"
            : MaskAllButLast3(trimmed);
    }

    private static bool TrySplitE164(string number, out string countryCode, out string national)
    {
        countryCode = national = string.Empty;
        var digits = number.Length > 1 ? number[1..] : string.Empty;
        if (number[0] != '+' || digits.Length is < 7 or > 15 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var codeLength = digits[0] is '1' or '7' ? 1 : TwoDigitCodes.Contains(digits[..2]) ? 2 : 3;
        countryCode = digits[..codeLength];
        national = digits[codeLength..];

        // First digit, at least one hidden, last three: shorter numbers fall back to the plain mask.
        return national.Length >= 5;
    }

    private static string MaskAllButLast3(string value) =>
        value.Length <= 3 ? new string(Hidden, value.Length) : new string(Hidden, value.Length - 3) + value[^3..];

    // Groups of three from the left, with one or two groups of four at the end when the length
    // is not a multiple of three (7 → 3 4, 8 → 4 4, 10 → 3 3 4), close to how numbers are read aloud.
    private static string Group(string national)
    {
        if (national.Length == 5)
        {
            return national;
        }

        var fours = national.Length % 3;
        var groups = new List<string>();
        var start = 0;
        for (; start < national.Length - (4 * fours); start += 3)
        {
            groups.Add(national.Substring(start, 3));
        }

        for (; start < national.Length; start += 4)
        {
            groups.Add(national.Substring(start, 4));
        }

        return string.Join(' ', groups);
    }
}

using System.Buffers;
using PhoneNumbers;

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

    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    // What may follow the '+' of a number written out: digits and the usual separators.
    private static readonly SearchValues<char> Written = SearchValues.Create("0123456789 -.()/");

    /// <summary>
    /// Masks <paramref name="number"/>. An international number (a <c>+</c>, then digits, spaces and the
    /// usual separators) is read with libphonenumber and keeps its country code, the first digit of its
    /// national significant number and the last three, grouped in threes: <c>+34600111222</c> becomes
    /// <c>+34 6•• ••• 222</c>, <c>+12025550123</c> becomes <c>+1 2•• ••• •123</c>. Anything else
    /// (a national number or short code, "anonymous", a SIP address, a national number shorter
    /// than five digits) keeps only its last three characters, or nothing when it has three or fewer.
    /// Null or blank gives <see cref="Unknown"/>.
    /// </summary>
    public static string Mask(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return Unknown;
        }

        var trimmed = number.Trim();
        return TrySplit(trimmed, out var countryCode, out var national)
            ? $"+{countryCode} {Group(national[0] + new string(Hidden, national.Length - 4) + national[^3..])}"
            : MaskAllButLast3(trimmed);
    }

    private static bool TrySplit(string number, out int countryCode, out string national)
    {
        countryCode = 0;
        national = string.Empty;
        // Only what is written as a phone number: libphonenumber would also read letters as keypad
        // digits ("+1 800 FLOWERS") and drop what trails a number ("+34600111222@pbx"); such values
        // are masked as text.
        if (number[0] != '+' || number.AsSpan(1).ContainsAnyExcept(Written))
        {
            return false;
        }

        try
        {
            var parsed = Numbers.Parse(number, null);
            countryCode = parsed.CountryCode;
            national = Numbers.GetNationalSignificantNumber(parsed);
        }
        catch (NumberParseException)
        {
            return false;
        }

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

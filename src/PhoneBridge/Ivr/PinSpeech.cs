namespace PhoneBridge.Ivr;

/// <summary>How a PIN is spoken: digit by digit, with commas so text-to-speech pauses between them.</summary>
public static class PinSpeech
{
    /// <summary><c>"482917"</c> → <c>"4, 8, 2, 9, 1, 7."</c></summary>
    public static string Spell(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        return string.Join(", ", digits.ToCharArray()) + ".";
    }
}

namespace PhoneBridge.Ivr;

/// <summary>
/// The menu's "press 3 and key your order number" (section <c>Ivr:OrderLookup</c>). Off by default:
/// PhoneBridge does not know whether the shop has an order source; the web host looks the number up.
/// </summary>
public sealed class IvrOrderOptions
{
    /// <summary>Whether the menu offers it. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>The menu key that asks for the number: one of 0, 3–9, <c>*</c> (1 and 2 are taken). Default <c>3</c>.</summary>
    public string Key { get; set; } = "3";

    /// <summary>Fewest digits an order number has. Default 4.</summary>
    public int MinDigits { get; set; } = 4;

    /// <summary>Most digits an order number has; the caller's input ends at this many, or at <c>#</c>. Default 10.</summary>
    public int MaxDigits { get; set; } = 10;

    /// <summary>
    /// How the keyed digits become the shop's order number: <c>{digits}</c> is replaced by them
    /// (a phone keypad has no letters). Default <c>{digits}</c>; a shop whose numbers read
    /// <c>AB-104200</c> sets <c>AB-{digits}</c>.
    /// </summary>
    public string NumberTemplate { get; set; } = "{digits}";

    /// <summary>Seconds the caller has for the first digit, and between digits. Default 8.</summary>
    public int TimeoutSeconds { get; set; } = 8;

    /// <summary>
    /// Longest the webhook waits for the shop to say whether it knows the number before going on
    /// with it unchecked. Default 3 s (the order source's own default timeout); at most 10 s, as
    /// Twilio gives a webhook 15 s.
    /// </summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The order number for <paramref name="digits"/>: <see cref="NumberTemplate"/> filled in.</summary>
    public string NumberFor(string digits) => NumberTemplate.Replace(DigitsPlaceholder, digits, StringComparison.Ordinal);

    /// <summary>True when <paramref name="digits"/> could be an order number: only 0–9, between <see cref="MinDigits"/> and <see cref="MaxDigits"/> of them.</summary>
    public bool Accepts(string? digits) =>
        digits is not null && digits.Length >= MinDigits && digits.Length <= MaxDigits && digits.All(char.IsAsciiDigit);

    /// <summary>Null when usable, else a message naming the key.</summary>
    public string? Validate() =>
        Key is not ("0" or "3" or "4" or "5" or "6" or "7" or "8" or "9" or "*") ? "Ivr:OrderLookup:Key must be one of 0, 3-9 or * (1 and 2 are the menu's)"
        : MinDigits < 1 || MaxDigits > 20 || MinDigits > MaxDigits ? "Ivr:OrderLookup:MinDigits and MaxDigits must be 1 to 20, MinDigits not above MaxDigits"
        : NumberTemplate.Split(DigitsPlaceholder).Length != 2 ? "Ivr:OrderLookup:NumberTemplate must contain {digits} once"
        : TimeoutSeconds is < 1 or > 30 ? "Ivr:OrderLookup:TimeoutSeconds must be between 1 and 30"
        : CheckTimeout <= TimeSpan.Zero || CheckTimeout > TimeSpan.FromSeconds(10) ? "Ivr:OrderLookup:CheckTimeout must be positive and at most 10 seconds (Twilio gives a webhook 15 s)"
        : null;

    private const string DigitsPlaceholder = "{digits}";
}

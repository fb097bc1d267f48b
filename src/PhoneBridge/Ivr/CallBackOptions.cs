namespace PhoneBridge.Ivr;

/// <summary>Calling back a customer of a web session who asked to be called (section <c>CallBack</c>).</summary>
public sealed class CallBackOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "CallBack";

    /// <summary>
    /// The shop's number the call is placed from, in E.164 (<c>+34910000000</c>). It must be a
    /// number of the Twilio account (or a caller id verified in it). Empty (default): customers
    /// cannot ask to be called.
    /// </summary>
    public string? From { get; set; }

    /// <summary>The region (ISO country code) of a number typed without its country code (default <c>ES</c>).</summary>
    public string DefaultRegion { get; set; } = "ES";

    /// <summary>How long a session waits after one request before the customer may ask again (default one minute).</summary>
    public TimeSpan RequestInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>True when a shop's number is configured.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(From);

    /// <summary>True for <c>+</c> and 8 to 15 digits, the first not 0: the shape Twilio takes as a caller id.</summary>
    public static bool IsE164(string? number) =>
        number is { Length: >= 9 and <= 16 } && number[0] == '+' && number[1] != '0' && number.Skip(1).All(char.IsAsciiDigit);
}

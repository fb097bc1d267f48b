namespace PhoneBridge.Ivr;

/// <summary>How the IVR speaks and where it sends the call (section <c>Ivr</c>).</summary>
public sealed class IvrOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Ivr";

    /// <summary>Language of every prompt: <c>es-ES</c> (default), <c>en-US</c> or <c>en-GB</c>.</summary>
    public string Language { get; set; } = "es-ES";

    /// <summary>Twilio text-to-speech voice; empty picks a natural voice for <see cref="Language"/>.</summary>
    public string? Voice { get; set; }

    /// <summary>
    /// Languages for callers from other countries, by the ISO country code Twilio sends as
    /// <c>FromCountry</c> (the caller's number's country): e.g. <c>GB</c> → <c>en-GB</c>. Empty
    /// (default): every caller hears <see cref="Language"/>.
    /// </summary>
    public Dictionary<string, string> LanguageByCountry { get; set; } = [];

    /// <summary>The language a caller from <paramref name="country"/> hears (any case; null or unknown: <see cref="Language"/>).</summary>
    public string LanguageFor(string? country) =>
        string.IsNullOrWhiteSpace(country)
            ? Language
            : LanguageByCountry.FirstOrDefault(c => string.Equals(c.Key, country.Trim(), StringComparison.OrdinalIgnoreCase)).Value ?? Language;

    /// <summary>Where callers go after hearing their PIN.</summary>
    public IvrRouting Routing { get; set; } = IvrRouting.Dial;

    /// <summary>Seconds agents' phones ring before the attempt counts as unanswered.</summary>
    public int DialTimeoutSeconds { get; set; } = 20;

    /// <summary>
    /// Which answering legs must press a key before the call is theirs. A phone's voicemail
    /// answers too, and cannot press a key: without it, the voicemail would become the agent
    /// bound to the customer's screen. Default <see cref="AcceptByKey.PhoneNumbers"/>.
    /// </summary>
    public AcceptByKey AcceptByKey { get; set; } = AcceptByKey.PhoneNumbers;

    /// <summary>Seconds an answering agent has to press the key before that leg is hung up.</summary>
    public int AcceptTimeoutSeconds { get; set; } = 6;

    /// <summary>Caller id shown to agents' phones; empty keeps the caller's own number.</summary>
    public string? CallerId { get; set; }

    /// <summary>Queue callers wait in when <see cref="Routing"/> is <see cref="IvrRouting.Enqueue"/>.</summary>
    public string QueueName { get; set; } = "support";

    /// <summary>The shop's existing call-centre number when <see cref="Routing"/> is <see cref="IvrRouting.Forward"/>.</summary>
    public string? ForwardNumber { get; set; }

    /// <summary>What happens when nobody answers: say goodbye, or ring again.</summary>
    public NoAnswerAction NoAnswer { get; set; } = NoAnswerAction.Goodbye;

    /// <summary>Total ringing rounds when <see cref="NoAnswer"/> is <see cref="NoAnswerAction.Retry"/>.</summary>
    public int MaxDialAttempts { get; set; } = 2;

    /// <summary>How many times a caller may press 1 to hear the PIN again.</summary>
    public int MaxRepeats { get; set; } = 3;

    /// <summary>Seconds the menu waits for a key before routing the call.</summary>
    public int MenuTimeoutSeconds { get; set; } = 4;

    /// <summary>
    /// Longest the IVR waits on Redis before giving up on the visual side and routing the call
    /// anyway. Twilio abandons a webhook after 15 s, so this stays well under it.
    /// </summary>
    public TimeSpan StateTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The menu's order key (<c>Ivr:OrderLookup</c>); off by default.</summary>
    public IvrOrderOptions OrderLookup { get; set; } = new();
}

/// <summary>Where the IVR sends a caller.</summary>
public enum IvrRouting
{
    /// <summary>Ring the configured agents' numbers and softphones at once; the whisper binds whoever answers.</summary>
    Dial,

    /// <summary>Put the caller in a Twilio queue; agents take callers from it.</summary>
    Enqueue,

    /// <summary>Hand the call to the shop's existing number; agents pair from the console by PIN.</summary>
    Forward,
}

/// <summary>Which of <c>&lt;Dial&gt;</c>'s answering legs must press a key to take the call.</summary>
public enum AcceptByKey
{
    /// <summary>Phone numbers (which may have voicemail); softphones are bound as they answer.</summary>
    PhoneNumbers,

    /// <summary>Phone numbers and softphones.</summary>
    Everyone,

    /// <summary>Nobody: whoever answers is bound at once.</summary>
    Nobody,
}

/// <summary>What the IVR does when no agent answers.</summary>
public enum NoAnswerAction
{
    /// <summary>Apologise and hang up (no voicemail).</summary>
    Goodbye,

    /// <summary>Ring again, up to <see cref="IvrOptions.MaxDialAttempts"/> rounds, then apologise.</summary>
    Retry,
}

namespace PhoneBridge.Twilio.TwiML;

/// <summary>
/// <c>&lt;Gather input action method numDigits timeout actionOnEmptyResult&gt;</c>: collects keypad
/// digits while the nested prompts play. Add it with <see cref="VoiceResponse.Gather(Gather)"/>.
/// </summary>
public sealed class Gather
{
    private readonly List<TwiMLElement> _children = [];

    /// <summary>The URL Twilio posts the digits to.</summary>
    public string? Action { get; init; }

    /// <summary>The HTTP method for <see cref="Action"/> (Twilio's default is POST).</summary>
    public string? Method { get; init; }

    /// <summary>Stop after this many digits.</summary>
    public int? NumDigits { get; init; }

    /// <summary>Seconds of silence before Twilio gives up waiting.</summary>
    public int? Timeout { get; init; }

    /// <summary>"dtmf", "speech" or "dtmf speech"; Twilio's default is "dtmf".</summary>
    public string? Input { get; init; }

    /// <summary>Call <see cref="Action"/> even when nothing was entered.</summary>
    public bool? ActionOnEmptyResult { get; init; }

    /// <summary>A nested <c>&lt;Say&gt;</c> prompt.</summary>
    public Gather Say(string text, string? voice = null, string? language = null, int? loop = null)
    {
        _children.Add(TwiMLVerbs.Say(text, voice, language, loop));
        return this;
    }

    /// <summary>A nested <c>&lt;Pause length/&gt;</c>.</summary>
    public Gather Pause(int length = 1)
    {
        _children.Add(TwiMLVerbs.Pause(length));
        return this;
    }

    internal TwiMLElement ToElement() =>
        new TwiMLElement("Gather") { Children = _children }
            .Attribute("input", Input)
            .Attribute("action", Action)
            .Attribute("method", Method)
            .Attribute("numDigits", NumDigits)
            .Attribute("timeout", Timeout)
            .Attribute("actionOnEmptyResult", ActionOnEmptyResult);
}

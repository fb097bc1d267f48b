namespace PhoneBridge.Twilio.TwiML;

/// <summary>Builds the elements shared by several parents (<c>&lt;Say&gt;</c> and <c>&lt;Pause&gt;</c> fit in a response and in a gather).</summary>
internal static class TwiMLVerbs
{
    public static TwiMLElement Say(string text, string? voice, string? language, int? loop) =>
        new TwiMLElement("Say").Attribute("voice", voice).Attribute("language", language).Attribute("loop", loop).Text(text);

    public static TwiMLElement Pause(int length) =>
        new TwiMLElement("Pause").Attribute("length", length);

    /// <summary>A noun whose text is its subject, with the url/method pair Twilio calls when it connects.</summary>
    public static TwiMLElement Noun(string name, string text, string? url, string? method) =>
        new TwiMLElement(name).Attribute("url", url).Attribute("method", method).Text(text);
}

using System.Text;

namespace PhoneBridge.Twilio.TwiML;

/// <summary>
/// A TwiML voice response, written byte for byte as the Twilio Node helper's <c>twiml.VoiceResponse</c>
/// writes the same verbs. Attributes appear in parameter order and are left out when null.
/// </summary>
/// <example><code>
/// new VoiceResponse().Say("Welcome", language: "en-GB").Hangup().ToString()
/// // &lt;?xml version="1.0" encoding="UTF-8"?&gt;&lt;Response&gt;&lt;Say language="en-GB"&gt;Welcome&lt;/Say&gt;&lt;Hangup/&gt;&lt;/Response&gt;
/// </code></example>
/// <remarks>Text and attributes containing characters XML cannot carry throw <see cref="ArgumentException"/>.</remarks>
public sealed class VoiceResponse
{
    private readonly TwiMLElement _response = new("Response");

    /// <summary><c>&lt;Say voice language loop&gt;text&lt;/Say&gt;</c>: speaks <paramref name="text"/>.</summary>
    public VoiceResponse Say(string text, string? voice = null, string? language = null, int? loop = null) =>
        Add(TwiMLVerbs.Say(text, voice, language, loop));

    /// <summary><c>&lt;Pause length/&gt;</c>: waits <paramref name="length"/> seconds.</summary>
    public VoiceResponse Pause(int length = 1) => Add(TwiMLVerbs.Pause(length));

    /// <summary>Adds a <c>&lt;Gather&gt;</c>; verbs added to <paramref name="gather"/> later still appear.</summary>
    public VoiceResponse Gather(Gather gather)
    {
        ArgumentNullException.ThrowIfNull(gather);
        return Add(gather.ToElement());
    }

    /// <summary>Adds a <c>&lt;Dial&gt;</c>; nouns added to <paramref name="dial"/> later still appear.</summary>
    public VoiceResponse Dial(Dial dial)
    {
        ArgumentNullException.ThrowIfNull(dial);
        return Add(dial.ToElement());
    }

    /// <summary><c>&lt;Enqueue action waitUrl method&gt;queueName&lt;/Enqueue&gt;</c>: puts the caller in a queue.</summary>
    public VoiceResponse Enqueue(string queueName, string? action = null, string? waitUrl = null, string? method = null) =>
        Add(new TwiMLElement("Enqueue").Attribute("action", action).Attribute("waitUrl", waitUrl).Attribute("method", method).Text(queueName));

    /// <summary><c>&lt;Redirect method&gt;url&lt;/Redirect&gt;</c>: continues the call with the TwiML at <paramref name="url"/>.</summary>
    public VoiceResponse Redirect(string url, string? method = null) =>
        Add(new TwiMLElement("Redirect").Attribute("method", method).Text(url));

    /// <summary><c>&lt;Hangup/&gt;</c>: ends the call.</summary>
    public VoiceResponse Hangup() => Add(new TwiMLElement("Hangup"));

    /// <summary>The XML document: declaration then <c>&lt;Response&gt;</c>, no indentation.</summary>
    public override string ToString()
    {
        StringBuilder builder = new("""<?xml version="1.0" encoding="UTF-8"?>""");
        _response.WriteTo(builder);
        return builder.ToString();
    }

    private VoiceResponse Add(TwiMLElement element)
    {
        _response.Children.Add(element);
        return this;
    }
}

namespace PhoneBridge.Twilio.TwiML;

/// <summary>
/// <c>&lt;Dial action method timeout callerId answerOnBridge&gt;</c>: connects the caller to the
/// numbers, clients or queue added to it. Add it with <see cref="VoiceResponse.Dial(Dial)"/>.
/// </summary>
public sealed class Dial
{
    private readonly List<TwiMLElement> _children = [];

    /// <summary>The URL Twilio requests when the dialled party hangs up or does not answer.</summary>
    public string? Action { get; init; }

    /// <summary>The HTTP method for <see cref="Action"/>.</summary>
    public string? Method { get; init; }

    /// <summary>Seconds to let the far end ring.</summary>
    public int? Timeout { get; init; }

    /// <summary>The number shown to the dialled party (E.164).</summary>
    public string? CallerId { get; init; }

    /// <summary>Keep the caller hearing ringing until the far end answers.</summary>
    public bool? AnswerOnBridge { get; init; }

    /// <summary><c>&lt;Number url method&gt;phoneNumber&lt;/Number&gt;</c>.</summary>
    public Dial Number(string phoneNumber, string? url = null, string? method = null) => Add("Number", phoneNumber, url, method);

    /// <summary><c>&lt;Client url method&gt;identity&lt;/Client&gt;</c>: a browser or app client.</summary>
    public Dial Client(string identity, string? url = null, string? method = null) => Add("Client", identity, url, method);

    /// <summary><c>&lt;Queue url method&gt;queueName&lt;/Queue&gt;</c>: takes the caller at the head of a queue.</summary>
    public Dial Queue(string queueName, string? url = null, string? method = null) => Add("Queue", queueName, url, method);

    internal TwiMLElement ToElement() =>
        new TwiMLElement("Dial") { Children = _children }
            .Attribute("action", Action)
            .Attribute("method", Method)
            .Attribute("timeout", Timeout)
            .Attribute("callerId", CallerId)
            .Attribute("answerOnBridge", AnswerOnBridge);

    private Dial Add(string noun, string text, string? url, string? method)
    {
        _children.Add(TwiMLVerbs.Noun(noun, text, url, method));
        return this;
    }
}

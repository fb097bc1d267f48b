namespace PhoneBridge.Twilio.Rest.Simulation;

/// <summary>A text message the <see cref="SimulatedTwilioApi"/> accepted.</summary>
/// <param name="Sid">The message SID (<c>SM…</c>).</param>
/// <param name="AccountSid">The account it was sent for.</param>
/// <param name="To">The recipient.</param>
/// <param name="From">The sender number or id.</param>
/// <param name="Body">The text; empty for a message of media or content only.</param>
/// <param name="DateCreated">When it was accepted.</param>
public sealed record SimulatedMessage(string Sid, string AccountSid, string To, string From, string Body, DateTimeOffset DateCreated)
{
    /// <summary>Where the message's delivery states (<c>sent</c>, <c>delivered</c>, <c>read</c>, <c>failed</c>…) are posted, when given.</summary>
    public Uri? StatusCallback { get; init; }

    /// <summary>The media the message carries (<c>MediaUrl</c>, repeated), in the order given.</summary>
    public IReadOnlyList<Uri> MediaUrls { get; init; } = [];

    /// <summary>The content template sent instead of a body (<c>ContentSid</c>, <c>HX…</c>), when given.</summary>
    public string? ContentSid { get; init; }

    /// <summary>The template's variables as posted (<c>ContentVariables</c>, a JSON object), when given.</summary>
    public string? ContentVariables { get; init; }
}

/// <summary>A change to a call asked through the API.</summary>
/// <param name="Call">The call, as it is after the change.</param>
/// <param name="Twiml">The TwiML it must now run, when the update carried some.</param>
/// <param name="Url">The URL it must now fetch its TwiML from, when the update carried one.</param>
/// <param name="Status">The status asked (<c>completed</c>, <c>canceled</c>), when the update ended the call.</param>
public sealed record SimulatedCallUpdate(SimulatedCall Call, string? Twiml, Uri? Url, string? Status);

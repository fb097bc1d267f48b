namespace PhoneBridge.Twilio.Rest.Simulation;

/// <summary>A text message the <see cref="SimulatedTwilioApi"/> accepted.</summary>
/// <param name="Sid">The message SID (<c>SM…</c>).</param>
/// <param name="AccountSid">The account it was sent for.</param>
/// <param name="To">The recipient.</param>
/// <param name="From">The sender number or id.</param>
/// <param name="Body">The text.</param>
/// <param name="DateCreated">When it was accepted.</param>
public sealed record SimulatedMessage(string Sid, string AccountSid, string To, string From, string Body, DateTimeOffset DateCreated);

/// <summary>A change to a call asked through the API.</summary>
/// <param name="Call">The call, as it is after the change.</param>
/// <param name="Twiml">The TwiML it must now run, when the update carried some.</param>
/// <param name="Url">The URL it must now fetch its TwiML from, when the update carried one.</param>
/// <param name="Status">The status asked (<c>completed</c>, <c>canceled</c>), when the update ended the call.</param>
public sealed record SimulatedCallUpdate(SimulatedCall Call, string? Twiml, Uri? Url, string? Status);

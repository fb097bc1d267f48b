namespace PinCovisor.Web.Demo;

/// <summary>A request the simulator is about to send as Twilio: the URL and the form fields.</summary>
/// <param name="Url">An absolute URL of this host under <c>/twilio/</c>, as written in TwiML, or a path such as <c>/twilio/voice</c>.</param>
/// <param name="Params">The form fields, name to value.</param>
public sealed record SignRequest(string? Url, Dictionary<string, string>? Params);

/// <summary>The signature Twilio would send, the URL it covers, and the path to post to on this host.</summary>
public sealed record SignResponse(string Url, string Path, string Signature);

/// <summary>What the simulator shows before a call: the shop's line, who it may ring, and the languages it speaks.</summary>
/// <param name="ShopNumber">The number the simulator calls.</param>
/// <param name="AccountSid">Sent as Twilio's <c>AccountSid</c>.</param>
/// <param name="Agents">Whom the IVR may ring.</param>
/// <param name="LineLanguage">The language the line speaks to callers (<c>Ivr:Language</c>).</param>
/// <param name="LanguageByCountry">The language it speaks instead to callers from these countries (<c>Ivr:LanguageByCountry</c>).</param>
/// <param name="TwilioEventsAfter">Where the simulated REST API's feed stands now: the page follows it from there.</param>
public sealed record SimulatorSetup(
    string ShopNumber, string AccountSid, IReadOnlyList<SimulatorAgent> Agents, string LineLanguage, IReadOnlyDictionary<string, string> LanguageByCountry,
    long TwilioEventsAfter);

/// <summary>An agent the IVR may ring, so the simulator can say whose phone is ringing.</summary>
/// <param name="Username">The agent's username.</param>
/// <param name="DisplayName">The name the simulator shows on the ringing device.</param>
/// <param name="ClientIdentity">The agent's browser softphone identity, if any.</param>
/// <param name="PhoneNumbers">The agent's phone numbers, in E.164.</param>
/// <param name="MaskedPhoneNumbers"><paramref name="PhoneNumbers"/> masked as the console shows numbers, one for one, to name the ringing device.</param>
public sealed record SimulatorAgent(
    string Username, string DisplayName, string? ClientIdentity, IReadOnlyList<string> PhoneNumbers, IReadOnlyList<string> MaskedPhoneNumbers);

/// <summary>A picture the messaging simulator stored as the media of the customer's next message.</summary>
/// <param name="MessageSid">The inbound message it belongs to (<c>MM…</c>): the webhook's <c>MessageSid</c>.</param>
/// <param name="MediaSid">The media's SID (<c>ME…</c>).</param>
/// <param name="Url">The webhook's <c>MediaUrl{N}</c>: the simulated API's address of the bytes, behind the account's basic auth.</param>
/// <param name="ContentType">The webhook's <c>MediaContentType{N}</c>.</param>
public sealed record SimulatorMediaStored(string MessageSid, string MediaSid, string Url, string ContentType);

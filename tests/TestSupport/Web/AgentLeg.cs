using System.Xml.Linq;

namespace PhoneBridge.Testing.Web;

/// <summary>The answering agent's leg of the IVR's <c>&lt;Dial&gt;</c>, as Twilio plays it.</summary>
public static class AgentLeg
{
    /// <summary>The fields Twilio posts on the leg that answered <paramref name="agentAddress"/>.</summary>
    public static List<KeyValuePair<string, string>> Fields(string callerSid, string agentAddress, string? legSid = null, string from = "+34600111222") =>
    [
        new("CallSid", legSid ?? TwilioCaller.NewCallSid()),
        new("ParentCallSid", callerSid),
        new("To", agentAddress),
        new("From", from),
        new("Direction", "outbound-dial"),
    ];

    /// <summary>Path and query of the url on the noun that dials <paramref name="agentAddress"/> (a number, or <c>client:identity</c>).</summary>
    public static string NounUrl(XDocument route, string agentAddress)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(agentAddress);
        var noun = agentAddress.StartsWith("client:", StringComparison.Ordinal)
            ? route.Verbs("Client").First(n => n.Value == agentAddress["client:".Length..])
            : route.Verbs("Number").First(n => n.Value == agentAddress);
        return new Uri(noun.Attribute("url")!.Value).PathAndQuery;
    }

    /// <summary>Path and query a key pressed on <paramref name="ask"/> goes to; null when it asks for none.</summary>
    public static string? KeyUrl(XDocument ask) =>
        ask.Verbs("Gather").SingleOrDefault()?.Attribute("action") is { } action ? new Uri(action.Value).PathAndQuery : null;

    /// <summary>
    /// <paramref name="agentAddress"/> answers: Twilio fetches its noun's url on the new leg and, when that
    /// asks for a key, posts <paramref name="key"/> to the Gather's action. With no key (a voicemail), the
    /// ask's own TwiML goes on, which hangs the leg up. Returns the TwiML the leg heard last.
    /// </summary>
    public static async Task<XDocument> AnswerAsync(
        Func<string, List<KeyValuePair<string, string>>, Task<XDocument>> post,
        XDocument route, string callerSid, string agentAddress, string? key = "1", string? legSid = null)
    {
        ArgumentNullException.ThrowIfNull(post);
        var leg = Fields(callerSid, agentAddress, legSid);
        var heard = await post(NounUrl(route, agentAddress), leg);
        return key is not null && KeyUrl(heard) is { } accept
            ? await post(accept, [.. leg, new("Digits", key)])
            : heard;
    }

    /// <inheritdoc cref="AnswerAsync(Func{string, List{KeyValuePair{string, string}}, Task{XDocument}}, XDocument, string, string, string?, string?)"/>
    public static Task<XDocument> AnswerAsync(
        this TwilioCaller twilio, XDocument route, string callerSid, string agentAddress, string? key = "1", string? legSid = null)
    {
        ArgumentNullException.ThrowIfNull(twilio);
        return AnswerAsync((path, form) => twilio.TwiMLAsync(path, form), route, callerSid, agentAddress, key, legSid);
    }
}

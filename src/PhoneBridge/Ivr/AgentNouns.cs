using PhoneBridge.Agents;
using Dial = Twilio.TwiML.Voice.Dial;

namespace PhoneBridge.Ivr;

/// <summary>The nouns that ring one agent inside a <c>&lt;Dial&gt;</c>, each with the url its answer fetches.</summary>
internal static class AgentNouns
{
    // Twilio rings at most ten nouns of one <Dial> at once.
    public const int MaxPerDial = 10;

    /// <summary>
    /// Adds the agent's numbers and softphone while fewer than <see cref="MaxPerDial"/> nouns are in
    /// the dial. A number asks for a key unless <paramref name="key"/> is Nobody; the softphone only
    /// when it is Everyone. Returns how many nouns the dial holds now.
    /// </summary>
    public static int Add(Dial dial, AgentOptions agent, AcceptByKey key, Uri whisper, Uri ask, int nouns)
    {
        foreach (var number in agent.PhoneNumbers.Where(_ => nouns < MaxPerDial))
        {
            dial.Number(number, url: key is AcceptByKey.Nobody ? whisper : ask);
            nouns++;
        }

        if (agent.ClientIdentity is { } identity && nouns < MaxPerDial)
        {
            dial.Client(identity, url: key is AcceptByKey.Everyone ? ask : whisper);
            nouns++;
        }

        return nouns;
    }

    /// <summary>True when the agent has something to ring.</summary>
    public static bool Any(AgentOptions agent) => agent.PhoneNumbers.Count > 0 || !string.IsNullOrWhiteSpace(agent.ClientIdentity);
}

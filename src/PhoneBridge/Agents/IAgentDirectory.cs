namespace PhoneBridge.Agents;

/// <summary>Who can answer calls, and who is on the other end of a given number or softphone.</summary>
public interface IAgentDirectory
{
    /// <summary>Agents to ring when the IVR routes a call by <c>&lt;Dial&gt;</c>.</summary>
    IReadOnlyList<AgentOptions> Reachable { get; }

    /// <summary>
    /// The agent behind a Twilio address: an E.164 number, or <c>client:identity</c> as Twilio
    /// reports a softphone. Null when nobody enabled matches.
    /// </summary>
    AgentOptions? FindByAddress(string? address);

    /// <summary>The enabled agent with this username, or null.</summary>
    AgentOptions? FindByUsername(string? username);
}

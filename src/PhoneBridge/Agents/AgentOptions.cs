namespace PhoneBridge.Agents;

/// <summary>
/// One agent as configured under the <c>Agents</c> section. The IVR uses the phone numbers and the
/// client identity to ring the agent and to recognise who answered; the web host adds sign-in.
/// </summary>
public sealed class AgentOptions
{
    /// <summary>Configuration section holding the list of agents.</summary>
    public const string SectionName = "Agents";

    /// <summary>Stable id of the agent, recorded as the call's answering agent.</summary>
    public string Username { get; set; } = "";

    /// <summary>The name callers see ("You're with Ana").</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>E.164 numbers the IVR dials for this agent (desk phone, mobile).</summary>
    public IList<string> PhoneNumbers { get; } = [];

    /// <summary>Twilio Client identity of the agent's softphone, if any (dialled as <c>&lt;Client&gt;</c>).</summary>
    public string? ClientIdentity { get; set; }

    /// <summary>A disabled agent is neither rung nor recognised.</summary>
    public bool Disabled { get; set; }
}

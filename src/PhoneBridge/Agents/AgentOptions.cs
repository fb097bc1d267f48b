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

    /// <summary>
    /// A plain-text password, for development only (refused in Production): the web host hashes
    /// it when it creates the agent's account. Use <see cref="PasswordHash"/> everywhere else.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>The password as ASP.NET Core's <c>PasswordHasher</c> stores it (base64); used when <see cref="Password"/> is empty.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>
    /// The agent code (6 to 10 digits) the agent keys on the agent line when calling from a phone in
    /// <c>Enqueue</c> routing. Only its keyed hash is stored (see <see cref="AgentCodes"/>); use
    /// <see cref="CodeHash"/> to keep the digits out of configuration.
    /// </summary>
    public string? Code { get; set; }

    /// <summary>The agent code as <see cref="AgentCodes.Hash"/> stores it (64 lower-case hex digits); used when <see cref="Code"/> is empty.</summary>
    public string? CodeHash { get; set; }

    /// <summary>An administrator may create and disable agents and edit canned replies.</summary>
    public bool IsAdmin { get; set; }
}

using PhoneBridge.Agents;

namespace PinCovisor.Web.Agents;

/// <summary>Where an account came from.</summary>
public enum AgentOrigin
{
    /// <summary>Seeded from the <c>Agents</c> configuration section.</summary>
    Config,

    /// <summary>Created through the admin API.</summary>
    Admin,
}

/// <summary>An agent's account as Redis holds it, without the password hash.</summary>
/// <param name="Username">Stable id: 1-64 letters, digits, '.', '_' or '-'; case-sensitive.</param>
/// <param name="DisplayName">The name callers see.</param>
/// <param name="PhoneNumbers">Numbers the IVR rings (as configured or entered).</param>
/// <param name="ClientIdentity">Twilio Client identity of the agent's softphone, if any.</param>
/// <param name="Disabled">A disabled agent can neither log in nor be rung; their tokens are revoked.</param>
/// <param name="IsAdmin">May manage agents and canned replies.</param>
/// <param name="Origin">Configuration or admin API.</param>
/// <param name="CreatedAt">When the account was first written to Redis.</param>
/// <param name="HasCode">Has an agent code, so may take queued calls from a phone (the code itself is never shown).</param>
public sealed record AgentAccount(
    string Username,
    string DisplayName,
    IReadOnlyList<string> PhoneNumbers,
    string? ClientIdentity,
    bool Disabled,
    bool IsAdmin,
    AgentOrigin Origin,
    DateTimeOffset CreatedAt,
    bool HasCode = false)
{
    /// <summary>The account as PhoneBridge's IVR sees agents, with the stored hash of the agent code, if any.</summary>
    public AgentOptions ToOptions(string? codeHash = null)
    {
        var options = new AgentOptions
        {
            Username = Username,
            DisplayName = DisplayName,
            ClientIdentity = ClientIdentity,
            Disabled = Disabled,
            IsAdmin = IsAdmin,
            CodeHash = codeHash,
        };
        foreach (var number in PhoneNumbers)
        {
            options.PhoneNumbers.Add(number);
        }

        return options;
    }
}

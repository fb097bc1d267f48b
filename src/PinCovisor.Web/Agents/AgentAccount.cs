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
public sealed record AgentAccount(
    string Username,
    string DisplayName,
    IReadOnlyList<string> PhoneNumbers,
    string? ClientIdentity,
    bool Disabled,
    bool IsAdmin,
    AgentOrigin Origin,
    DateTimeOffset CreatedAt)
{
    /// <summary>The account as PhoneBridge's IVR sees agents.</summary>
    public AgentOptions ToOptions()
    {
        var options = new AgentOptions
        {
            Username = Username,
            DisplayName = DisplayName,
            ClientIdentity = ClientIdentity,
            Disabled = Disabled,
            IsAdmin = IsAdmin,
        };
        foreach (var number in PhoneNumbers)
        {
            options.PhoneNumbers.Add(number);
        }

        return options;
    }
}

namespace PhoneBridge.Agents;

/// <summary>
/// The <see cref="IAgentDirectory"/> rules over any list of agents, so every directory (configured,
/// or a snapshot of accounts kept elsewhere) answers the IVR the same way.
/// </summary>
public static class AgentMatching
{
    private const string ClientPrefix = "client:";

    /// <summary>Enabled agents with at least one phone number or a softphone.</summary>
    public static IReadOnlyList<AgentOptions> Reachable(IEnumerable<AgentOptions> agents) =>
        agents.Where(a => !a.Disabled && (a.PhoneNumbers.Count > 0 || a.ClientIdentity is not null)).ToList();

    /// <summary>
    /// Whether a Twilio address is a softphone's <c>client:identity</c>, which Twilio sets from the
    /// access token the softphone signed in with; any other address is caller ID, which the caller chooses.
    /// </summary>
    public static bool IsClientAddress(string? address) =>
        address is not null && address.StartsWith(ClientPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The enabled agent behind an E.164 number or a <c>client:identity</c> address, or null.</summary>
    public static AgentOptions? FindByAddress(IEnumerable<AgentOptions> agents, string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        if (IsClientAddress(address))
        {
            var identity = address[ClientPrefix.Length..];
            return agents.FirstOrDefault(a => !a.Disabled && string.Equals(a.ClientIdentity, identity, StringComparison.Ordinal));
        }

        var number = NormaliseNumber(address);
        return agents.FirstOrDefault(a => !a.Disabled && a.PhoneNumbers.Any(n => NormaliseNumber(n) == number));
    }

    /// <summary>The enabled agent with this username (case-sensitive), or null.</summary>
    public static AgentOptions? FindByUsername(IEnumerable<AgentOptions> agents, string? username) =>
        agents.FirstOrDefault(a => !a.Disabled && string.Equals(a.Username, username, StringComparison.Ordinal));

    /// <summary>
    /// A number as Twilio sends it: configured numbers may carry spaces or dashes
    /// ("+34 600 11 12 22"); Twilio sends bare E.164.
    /// </summary>
    public static string NormaliseNumber(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return new(number.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
    }
}

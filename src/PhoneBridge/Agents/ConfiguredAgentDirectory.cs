using Microsoft.Extensions.Options;

namespace PhoneBridge.Agents;

/// <summary>The agents listed in configuration (section <c>Agents</c>), re-read when it changes.</summary>
internal sealed class ConfiguredAgentDirectory(IOptionsMonitor<List<AgentOptions>> agents) : IAgentDirectory
{
    private const string ClientPrefix = "client:";

    public IReadOnlyList<AgentOptions> Reachable =>
        agents.CurrentValue.Where(a => !a.Disabled && (a.PhoneNumbers.Count > 0 || a.ClientIdentity is not null)).ToList();

    public AgentOptions? FindByAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        if (address.StartsWith(ClientPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var identity = address[ClientPrefix.Length..];
            return agents.CurrentValue.FirstOrDefault(a => !a.Disabled
                && string.Equals(a.ClientIdentity, identity, StringComparison.Ordinal));
        }

        var number = Normalise(address);
        return agents.CurrentValue.FirstOrDefault(a => !a.Disabled
            && a.PhoneNumbers.Any(n => Normalise(n) == number));
    }

    public AgentOptions? FindByUsername(string? username) =>
        agents.CurrentValue.FirstOrDefault(a => !a.Disabled && string.Equals(a.Username, username, StringComparison.Ordinal));

    // Configured numbers may carry spaces or dashes ("+34 600 11 12 22"); Twilio sends bare E.164.
    private static string Normalise(string number) =>
        new(number.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
}

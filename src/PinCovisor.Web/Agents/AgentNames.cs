using System.Text.RegularExpressions;

namespace PinCovisor.Web.Agents;

/// <summary>What usernames, phone numbers and softphone identities may look like.</summary>
internal static partial class AgentNames
{
    /// <summary>1-64 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit (usernames become key parts).</summary>
    public static bool IsValidUsername(string? username) => username is not null && Username().IsMatch(username);

    /// <summary>E.164 once spaces, dashes, dots and parentheses are removed: '+', then 7-15 digits.</summary>
    public static bool IsValidPhoneNumber(string? number) =>
        number is not null && E164().IsMatch(new string(number.Where(c => c is not (' ' or '-' or '.' or '(' or ')')).ToArray()));

    /// <summary>Twilio Client identities: letters, digits and '_' (1-121), as Twilio's own rules allow in a Dial.</summary>
    public static bool IsValidClientIdentity(string? identity) => identity is not null && ClientIdentity().IsMatch(identity);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Username();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    [GeneratedRegex("^[A-Za-z0-9_]{1,121}$")]
    private static partial Regex ClientIdentity();
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PhoneBridge.Pins;

namespace PhoneBridge.Agents;

/// <summary>
/// Agent codes: the digits an agent keys on the agent line to prove who they are when calling from
/// a phone, whose caller ID anyone can spoof. A code is kept only as
/// HMAC-SHA256(agent-code key, username ‖ 0x00 ‖ digits), the key derived from
/// <see cref="PinOptions.SecretKey"/> by HKDF-SHA256 with the label <c>agent-code</c>.
/// </summary>
/// <remarks>
/// A keyed hash rather than a slow salted one: a code has at most 10^10 values, so whoever reads a
/// salted hash of it tries every code offline in minutes however slow the hash is. Under a key
/// kept out of Redis the stored value tells a reader of Redis nothing, and the key is what guards
/// the PINs already. The username in the message makes equal codes of two agents hash apart.
/// </remarks>
public sealed class AgentCodes
{
    /// <summary>Fewest digits in a code.</summary>
    public const int MinLength = 6;

    /// <summary>Most digits in a code.</summary>
    public const int MaxLength = 10;

    private const int HashHexLength = 64;

    private readonly byte[] _key;

    /// <summary>Derives the key from <see cref="PinOptions.SecretKey"/>.</summary>
    public AgentCodes(IOptions<PinOptions> pins)
    {
        ArgumentNullException.ThrowIfNull(pins);
        var secret = pins.Value.SecretBytes()
            ?? throw new InvalidOperationException($"{PinOptions.SectionName}:SecretKey is required.");
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: "agent-code"u8.ToArray());
    }

    /// <summary>Whether <paramref name="code"/> is 6 to 10 ASCII digits.</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: >= MinLength and <= MaxLength } && code.All(char.IsAsciiDigit);

    /// <summary>
    /// Whether <paramref name="code"/> may be an agent's code: well formed, and not one digit repeated
    /// (<c>000000</c>) or a run up or down (<c>123456</c>, <c>987654</c>), the first codes a guesser tries.
    /// </summary>
    public static bool IsAcceptable(string? code)
    {
        if (code is null || !IsWellFormed(code))
        {
            return false;
        }

        var steps = code.Zip(code.Skip(1), (a, b) => (b - a + 10) % 10).Distinct().ToList();
        return !(steps.Count == 1 && steps[0] is 0 or 1 or 9);
    }

    /// <summary>Whether <paramref name="codeHash"/> looks like what <see cref="Hash"/> returns: 64 lower-case hex digits.</summary>
    public static bool IsHash(string? codeHash) =>
        codeHash is { Length: HashHexLength } && codeHash.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>The stored form of an agent's code, in lower-case hex.</summary>
    public string Hash(string username, string code)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(code);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{username}\0{code}")));
    }

    /// <summary>The agent's code as stored: <see cref="AgentOptions.Code"/> hashed, else <see cref="AgentOptions.CodeHash"/>; null when the agent has none.</summary>
    public string? HashOf(AgentOptions agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return IsAcceptable(agent.Code) ? Hash(agent.Username, agent.Code!)
            : IsHash(agent.CodeHash) ? agent.CodeHash
            : null;
    }

    /// <summary>
    /// True when <paramref name="digits"/> are the code of <paramref name="agent"/>. The comparison
    /// takes the same time wherever the hashes differ; an agent without a code matches nothing.
    /// </summary>
    public bool Matches(AgentOptions agent, string? digits)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (HashOf(agent) is not { } stored || !IsWellFormed(digits))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hash(agent.Username, digits!)), Encoding.ASCII.GetBytes(stored));
    }
}

using StackExchange.Redis;

namespace PinCovisor.Web.Redis;

/// <summary>
/// Key layout of the visual side. Like PhoneBridge's keys they start with <c>pb:</c>; one session's
/// keys share the hash tag <c>{session:…}</c> so per-session scripts stay in one Cluster slot.
/// Features build their own names on top of <see cref="SessionScoped"/> and <see cref="Global"/>.
/// </summary>
public static class CovisorKeys
{
    private const string Prefix = PhoneBridge.Redis.RedisKeys.Prefix;

    /// <summary>A key of one session, e.g. <c>pb:{session:s_ab12}:events</c>.</summary>
    public static RedisKey SessionScoped(string sessionId, string name) => $"{SessionTag(sessionId)}:{name}";

    /// <summary>The hash-tagged prefix of one session's keys, <c>pb:{session:s_ab12}</c>, e.g. for finding all of them.</summary>
    public static string SessionTag(string sessionId) => $"{Prefix}{{session:{Checked(sessionId)}}}";

    /// <summary>A key outside any session, e.g. <c>pb:agent:ana</c> or <c>pb:token:&lt;hash&gt;</c>.</summary>
    public static RedisKey Global(string kind, string id) => $"{Prefix}{kind}:{Checked(id)}";

    /// <summary>An access token's record, named by the token's SHA-256 (hex), never the token.</summary>
    public static RedisKey Token(string tokenHash) => Global("token", tokenHash);

    // Ids become key components: anything but letters, digits, '-' and '_' could move a key to
    // another slot or alias another key.
    private static string Checked(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (id.Length > 128 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException("Ids in keys are 1-128 ASCII letters, digits, '-', '_' or '.'.", nameof(id));
        }

        return id;
    }
}

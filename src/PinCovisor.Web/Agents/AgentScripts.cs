using PhoneBridge.Redis;
namespace PinCovisor.Web.Agents;

/// <summary>
/// The Lua behind each multi-step change of an account. Every script touches only keys under the
/// <c>{agents}</c> hash tag (one Cluster slot); fields are written one HSET per pair because
/// <c>unpack</c> is not in every server's Lua.
/// </summary>
internal static class AgentScripts
{
    /// <summary>
    /// KEYS: account, all. ARGV: username, mode, expected fp, expected hash, then field/value pairs.
    /// Mode <c>create</c> writes only when the account does not exist. Mode <c>update</c> writes only
    /// while the account is still exactly as the caller read it (a configuration account no admin
    /// has edited, with the fingerprint and password hash read), so a concurrent change wins.
    /// Returns 1 when written, else 0.
    /// </summary>
    public static readonly EmbeddedScript Write = EmbeddedScript.Load(typeof(AgentScripts), "write");

    /// <summary>
    /// KEYS: account, tokens. ARGV: '1' to disable or '0' to enable, '1' when an admin did it.
    /// Returns false for an unknown account, else the token ids to revoke (all of them when disabling).
    /// </summary>
    public static readonly EmbeddedScript SetDisabled = EmbeddedScript.Load(typeof(AgentScripts), "set_disabled");

    /// <summary>
    /// KEYS: account, tokens. ARGV: token id, expires (Unix ms), now (Unix ms). Lists the token under
    /// its agent unless the account is missing or disabled (then 0: the caller revokes the token).
    /// </summary>
    public static readonly EmbeddedScript AddToken = EmbeddedScript.Load(typeof(AgentScripts), "add_token");

    /// <summary>
    /// KEYS: account. ARGV: the code's keyed hash, or '' to remove it. Sets it as an admin (configuration
    /// no longer overrides the account). Returns 1, or 0 for an unknown account.
    /// </summary>
    public static readonly EmbeddedScript SetCode = EmbeddedScript.Load(typeof(AgentScripts), "set_code");
}

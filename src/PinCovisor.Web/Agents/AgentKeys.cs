using System.Security.Cryptography;
using System.Text;
using PinCovisor.Web.Redis;
using StackExchange.Redis;

namespace PinCovisor.Web.Agents;

/// <summary>
/// The Redis keys of agents. Accounts, their token lists and presence share the hash tag
/// <c>{agents}</c>, so a script may check an account and change its tokens in one step (one
/// Cluster slot is plenty: a shop has tens of agents, not millions).
/// </summary>
internal static class AgentKeys
{
    private const string Tag = "{agents}";

    /// <summary>Every username that has an account (set).</summary>
    public static RedisKey All => CovisorKeys.Global(Tag, "all");

    /// <summary>One account (hash: name, phones, client, disabled, admin, origin, created, hash, fp, edited).</summary>
    public static RedisKey Account(string username) => CovisorKeys.Global(Tag + ":agent", username);

    /// <summary>The agent's live bearer token ids (sorted set scored by expiry, Unix ms), revoked when the agent is disabled.</summary>
    public static RedisKey Tokens(string username) => CovisorKeys.Global(Tag + ":tokens", username);

    /// <summary>Presence of every agent (hash: <c>&lt;username&gt;:status</c> and <c>&lt;username&gt;:seen</c> in Unix ms).</summary>
    public static RedisKey Presence => CovisorKeys.Global(Tag, "presence");

    /// <summary>
    /// A failure counter of one throttle (<paramref name="throttle"/> e.g. <c>agent-login</c>), for one
    /// client address or one subject. Both counters of a throttle share a hash tag, so one script
    /// checks and counts them together. The value is hashed: it is chosen by the client.
    /// </summary>
    public static RedisKey Throttle(string throttle, string kind, string value) =>
        CovisorKeys.Global($"{{throttle:{throttle}}}:{kind}",
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32]);

    /// <summary>Canned replies added by admins (hash: shortcut → text).</summary>
    public static RedisKey CannedReplies => CovisorKeys.Global("{canned}", "replies");

    /// <summary>Configured canned replies an admin removed (set of shortcuts), so configuration does not bring them back.</summary>
    public static RedisKey RemovedCannedReplies => CovisorKeys.Global("{canned}", "removed");
}

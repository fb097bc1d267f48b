using StackExchange.Redis;

namespace PhoneBridge.Redis;

/// <summary>
/// Builds every Redis key PhoneBridge uses, so the layout can be read (and changed) in one place.
/// </summary>
/// <remarks>
/// <para>
/// Every key starts with <c>pb:</c>. The part in braces is the Redis Cluster hash tag: only it is
/// hashed to pick the slot, so keys with the same tag live on the same node and one Lua script may
/// touch all of them. Scripts never mix tags.
/// </para>
/// <list type="bullet">
/// <item><c>{call:CA…}</c> groups everything about one call (its record, its PIN record, the agent
/// on it when it is an agent's leg), so per-call scripts stay in one slot and calls spread over the cluster.</item>
/// <item><c>{agent-code:…}</c> holds one agent's tries at their agent code, alone in its slot.</item>
/// <item><c>{pins}</c> groups the PIN index, because uniqueness among live PINs has to be decided by
/// one script that sees all of them. The index is small (one entry per live PIN) so one slot is enough.</item>
/// </list>
/// </remarks>
public static class RedisKeys
{
    /// <summary>The prefix of every key, so PhoneBridge can share a Redis with other applications.</summary>
    public const string Prefix = "pb:";

    /// <summary>The hash tag (without braces) of the PIN index.</summary>
    public const string PinIndexTag = "pins";

    /// <summary>
    /// The call's record (hash): status, masked caller number, agent, times, SMS count, and one
    /// <c>leg:&lt;CallSid&gt;</c> field per agent leg that bound it (see <see cref="Calls.RedisCallStore.BindAgentLegAsync"/>).
    /// </summary>
    public static RedisKey Call(string callSid) => CallScoped(callSid, "call");

    /// <summary>The call's PIN record (hash): nonce, length, index hash, expiry and state; never the digits.</summary>
    public static RedisKey CallPin(string callSid) => CallScoped(callSid, "pin");

    /// <summary>
    /// The call's transfer while it rings (hash: <c>id</c>, <c>from</c>, <c>to</c>, and <c>taken</c> once
    /// the agent rung took the call), so only the latest transfer acts on its result.
    /// </summary>
    public static RedisKey CallTransfer(string callSid) => CallScoped(callSid, "transfer");

    /// <summary>The agent on an agent-side call leg (string), for queue mode.</summary>
    public static RedisKey AgentLeg(string agentLegCallSid) => CallScoped(agentLegCallSid, "agent-leg");

    /// <summary>
    /// The counted tries at one agent's code on the agent line (hash: <c>&lt;leg CallSid&gt;:&lt;n&gt;</c>),
    /// expiring with the failure window. The username is hashed, so no character of it can move the key's slot.
    /// </summary>
    public static RedisKey AgentCodeTries(string username)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        var hashed = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(username)));
        return $"{Prefix}{{agent-code:{hashed[..32]}}}:tries";
    }

    /// <summary>The index entry of one live or redeemed PIN (hash: call, exp, used), named by the PIN's keyed HMAC.</summary>
    /// <param name="pinHash">Lower-case hex HMAC-SHA256 of the digits.</param>
    /// <param name="indexTag">The index's hash tag; tests pass their own so they do not share capacity.</param>
    public static RedisKey PinIndexEntry(string pinHash, string indexTag = PinIndexTag) =>
        $"{Prefix}{{{indexTag}}}:pin:{pinHash}";

    /// <summary>The PINs of one length that hold a place in the index (sorted set: HMAC scored by expiry, in Unix ms).</summary>
    public static RedisKey LivePins(int length, string indexTag = PinIndexTag) =>
        $"{Prefix}{{{indexTag}}}:live:{length.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The hash-tagged prefix of one call's keys, e.g. for scanning them in tests or tools.</summary>
    public static string CallTag(string callSid) => $"{Prefix}{{call:{Checked(callSid)}}}";

    private static RedisKey CallScoped(string callSid, string name) => $"{CallTag(callSid)}:{name}";

    // A CallSid is a key component: braces or separators in it would move the key to another slot
    // or alias another call's key, so anything but letters and digits is refused.
    private static string Checked(string callSid)
    {
        ArgumentException.ThrowIfNullOrEmpty(callSid);
        if (callSid.Length > 64 || !callSid.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("A CallSid is 1-64 ASCII letters or digits.", nameof(callSid));
        }

        return callSid;
    }
}

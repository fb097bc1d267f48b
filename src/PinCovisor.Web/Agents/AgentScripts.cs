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
    public const string Write = """
        if ARGV[2] == 'create' then
          if redis.call('EXISTS', KEYS[1]) == 1 then
            return 0
          end
        else
          local current = redis.call('HMGET', KEYS[1], 'origin', 'edited', 'fp', 'hash')
          if current[1] ~= 'config' or current[2] == '1' or current[3] ~= ARGV[3] or (current[4] or '') ~= ARGV[4] then
            return 0
          end
        end
        for i = 5, #ARGV, 2 do
          redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
        end
        redis.call('SADD', KEYS[2], ARGV[1])
        return 1
        """;

    /// <summary>
    /// KEYS: account, tokens. ARGV: '1' to disable or '0' to enable, '1' when an admin did it.
    /// Returns false for an unknown account, else the token ids to revoke (all of them when disabling).
    /// </summary>
    public const string SetDisabled = """
        if redis.call('EXISTS', KEYS[1]) == 0 then
          return false
        end
        redis.call('HSET', KEYS[1], 'disabled', ARGV[1])
        if ARGV[2] == '1' then
          redis.call('HSET', KEYS[1], 'edited', '1')
        end
        if ARGV[1] == '1' then
          local ids = redis.call('ZRANGE', KEYS[2], 0, -1)
          redis.call('DEL', KEYS[2])
          return ids
        end
        return {}
        """;

    /// <summary>
    /// KEYS: account, tokens. ARGV: token id, expires (Unix ms), now (Unix ms). Lists the token under
    /// its agent unless the account is missing or disabled (then 0: the caller revokes the token).
    /// </summary>
    public const string AddToken = """
        if redis.call('HGET', KEYS[1], 'disabled') ~= '0' then
          return 0
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
        redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
        local keep = tonumber(ARGV[2]) - tonumber(ARGV[3])
        if redis.call('PTTL', KEYS[2]) < keep then
          redis.call('PEXPIRE', KEYS[2], keep)
        end
        return 1
        """;

    /// <summary>
    /// KEYS: account. ARGV: the code's keyed hash, or '' to remove it. Sets it as an admin (configuration
    /// no longer overrides the account). Returns 1, or 0 for an unknown account.
    /// </summary>
    public const string SetCode = """
        if redis.call('EXISTS', KEYS[1]) == 0 then
          return 0
        end
        if ARGV[1] == '' then
          redis.call('HDEL', KEYS[1], 'code')
        else
          redis.call('HSET', KEYS[1], 'code', ARGV[1])
        end
        redis.call('HSET', KEYS[1], 'edited', '1')
        return 1
        """;
}

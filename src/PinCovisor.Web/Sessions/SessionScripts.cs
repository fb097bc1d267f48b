namespace PinCovisor.Web.Sessions;

/// <summary>
/// The Lua behind each multi-step change of a session. Every script touches only keys of one
/// session (one hash tag, so one Cluster slot), and none reads then writes from the client side.
/// </summary>
internal static class SessionScripts
{
    /// <summary>
    /// KEYS: session, participants, participant. ARGV: participant id, admission, device, joined ms.
    /// Adds the participant with the session's remaining lifetime; false when the session is gone or closed.
    /// </summary>
    public const string AddParticipant = """
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl <= 0 or redis.call('HEXISTS', KEYS[1], 'closed') == 1 then
          return false
        end
        redis.call('HSET', KEYS[3], 'admission', ARGV[2], 'joined', ARGV[4])
        if ARGV[3] ~= '' then
          redis.call('HSET', KEYS[3], 'device', ARGV[3])
        end
        redis.call('PEXPIRE', KEYS[3], ttl)
        redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
        redis.call('PEXPIRE', KEYS[2], ttl)
        return 1
        """;

    /// <summary>
    /// KEYS: participant. ARGV: admission. A rejection is final: the rejected device's token is
    /// revoked, so admitting it afterwards would let in nobody. Returns the participant's hash, or false.
    /// </summary>
    public const string SetAdmission = """
        local current = redis.call('HGET', KEYS[1], 'admission')
        if not current then
          return false
        end
        if current ~= 'Rejected' then
          redis.call('HSET', KEYS[1], 'admission', ARGV[1])
        end
        return redis.call('HGETALL', KEYS[1])
        """;

    /// <summary>KEYS: participant. ARGV: field, value. Sets a field only on an existing participant (keeps its TTL).</summary>
    public const string SetParticipantField = """
        if redis.call('EXISTS', KEYS[1]) == 0 then
          return 0
        end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        return 1
        """;

    /// <summary>KEYS: session. ARGV: agent. Returns {previous agent or '', session hash}, or false when gone or closed.</summary>
    public const string AssignAgent = """
        if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'closed') == 1 then
          return false
        end
        local previous = redis.call('HGET', KEYS[1], 'agent')
        redis.call('HSET', KEYS[1], 'agent', ARGV[1])
        return {previous or '', redis.call('HGETALL', KEYS[1])}
        """;

    /// <summary>
    /// KEYS: session. ARGV: now ms. Records the first end only; returns {1 if this call recorded it
    /// else 0, session hash}, or false.
    /// </summary>
    public const string MarkCallEnded = """
        if redis.call('EXISTS', KEYS[1]) == 0 then
          return false
        end
        local endedNow = redis.call('HSETNX', KEYS[1], 'ended', ARGV[1])
        return {endedNow, redis.call('HGETALL', KEYS[1])}
        """;

    /// <summary>KEYS: session. ARGV: now ms. Returns {1 if this call closed it else 0, session hash}, or false.</summary>
    public const string Close = """
        if redis.call('EXISTS', KEYS[1]) == 0 then
          return false
        end
        local closedNow = redis.call('HSETNX', KEYS[1], 'closed', ARGV[1])
        return {closedNow, redis.call('HGETALL', KEYS[1])}
        """;
}

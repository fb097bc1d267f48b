namespace PinCovisor.Web.CallBack;

/// <summary>
/// The Lua behind a call back. Each touches the keys of one session only (one hash tag, one Cluster
/// slot): the session's record, its call-back request and its request pause.
/// </summary>
internal static class CallBackScripts
{
    /// <summary>
    /// KEYS: session, request, pause. ARGV: protected number, masked number, requested ms, pause ms.
    /// Stores the request for the session's remaining lifetime and starts the pause. Returns 0 when
    /// stored, -1 for an unknown or closed session, -2 when the session has a call (or one is being
    /// placed), or the milliseconds left of the pause.
    /// </summary>
    public const string Request = """
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl <= 0 or redis.call('HEXISTS', KEYS[1], 'closed') == 1 then
          return -1
        end
        if redis.call('HEXISTS', KEYS[1], 'call') == 1 or redis.call('HEXISTS', KEYS[2], 'placing') == 1 then
          return -2
        end
        local wait = redis.call('PTTL', KEYS[3])
        if wait > 0 then
          return wait
        end
        redis.call('HSET', KEYS[2], 'number', ARGV[1], 'masked', ARGV[2], 'at', ARGV[3])
        redis.call('PEXPIRE', KEYS[2], ttl)
        redis.call('SET', KEYS[3], '1', 'PX', ARGV[4])
        return 0
        """;

    /// <summary>
    /// KEYS: session, request. ARGV: now ms, ms after which a placing is taken as abandoned (its
    /// host died mid-way). Marks the request as being placed, once. Returns {1, protected number,
    /// masked number}; {-1} for an unknown or closed session, {-2} when it has a call, {-3} when no
    /// request waits, {-4} when it is already being placed.
    /// </summary>
    public const string StartPlacing = """
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl <= 0 or redis.call('HEXISTS', KEYS[1], 'closed') == 1 then
          return {-1}
        end
        if redis.call('HEXISTS', KEYS[1], 'call') == 1 then
          return {-2}
        end
        local number = redis.call('HGET', KEYS[2], 'number')
        if not number then
          return {-3}
        end
        local placing = tonumber(redis.call('HGET', KEYS[2], 'placing') or '0')
        if placing > tonumber(ARGV[1]) - tonumber(ARGV[2]) then
          return {-4}
        end
        redis.call('HSET', KEYS[2], 'placing', ARGV[1])
        return {1, number, redis.call('HGET', KEYS[2], 'masked')}
        """;

    /// <summary>
    /// KEYS: session, request. ARGV: call SID. Binds the session to its call unless it is closed or has
    /// one, and drops the request (the number is not kept once dialled). Returns the session's
    /// remaining lifetime in ms, or 0 when nothing was bound.
    /// </summary>
    public const string Bind = """
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl <= 0 or redis.call('HEXISTS', KEYS[1], 'closed') == 1 or redis.call('HEXISTS', KEYS[1], 'call') == 1 then
          return 0
        end
        redis.call('HSET', KEYS[1], 'call', ARGV[1])
        redis.call('DEL', KEYS[2])
        return ttl
        """;
}

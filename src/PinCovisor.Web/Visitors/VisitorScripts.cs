namespace PinCovisor.Web.Visitors;

/// <summary>Lua scripts of the visitor store; each touches one key.</summary>
internal static class VisitorScripts
{
    /// <summary>
    /// Records a page view of a known visitor. KEYS[1] visitor hash; ARGV key hash, now ms, window ms,
    /// max per window, url, title, device, lifetime ms. Returns {0} unknown or wrong key,
    /// {2, retry-after ms} throttled, {1} recorded. Checking the key, counting and updating happen
    /// in one step, so two tabs reporting at once cannot slip past the limit.
    /// </summary>
    public const string PageView = """
        local stored = redis.call('HGET', KEYS[1], 'key')
        if not stored or stored ~= ARGV[1] then
          return {0}
        end
        local now = tonumber(ARGV[2])
        local window = tonumber(ARGV[3])
        local started = tonumber(redis.call('HGET', KEYS[1], 'rw') or '0')
        local count = tonumber(redis.call('HGET', KEYS[1], 'rc') or '0')
        if now - started >= window or now < started then
          started = now
          count = 0
        end
        if count >= tonumber(ARGV[4]) then
          return {2, started + window - now}
        end
        redis.call('HSET', KEYS[1], 'rw', started, 'rc', count + 1, 'url', ARGV[5], 'title', ARGV[6],
          'device', ARGV[7], 'last', now)
        redis.call('HINCRBY', KEYS[1], 'views', 1)
        redis.call('PEXPIRE', KEYS[1], ARGV[8])
        return {1}
        """;

    /// <summary>
    /// Counts one more in a fixed window. KEYS[1] counter; ARGV window ms, max. Returns 0 when
    /// allowed, else the milliseconds until the window ends.
    /// </summary>
    public const string Count = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        if count > tonumber(ARGV[2]) then
          local left = redis.call('PTTL', KEYS[1])
          if left < 1 then left = 1 end
          return left
        end
        return 0
        """;
}

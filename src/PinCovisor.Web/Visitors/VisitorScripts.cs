namespace PinCovisor.Web.Visitors;

/// <summary>Lua scripts of the visitor store; each touches one key.</summary>
internal static class VisitorScripts
{
    /// <summary>
    /// Records a page view of a known visitor. KEYS[1] visitor hash; ARGV key hash, now ms, window ms,
    /// max per window, url, title, device, lifetime ms, in a session ('1' or '0'), a heartbeat of a page
    /// already counted ('1': the view count stays) or a page view ('0'). Returns {0} unknown or wrong key,
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
          'device', ARGV[7], 'last', now, 'ins', ARGV[9])
        if ARGV[10] ~= '1' then
          redis.call('HINCRBY', KEYS[1], 'views', 1)
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[8])
        return {1}
        """;

    /// <summary>
    /// Marks a visitor live and keeps the index bounded by itself: entries older than the live
    /// window and all but the newest max go, and the index expires one window after its last page
    /// view. KEYS[1] live index; ARGV visitor id, now ms, live window ms, max kept.
    /// </summary>
    public const string MarkLive = """
        local now = tonumber(ARGV[2])
        local window = tonumber(ARGV[3])
        redis.call('ZADD', KEYS[1], now, ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - window))
        redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[4]) + 1))
        redis.call('PEXPIRE', KEYS[1], window)
        return 1
        """;
}

namespace PinCovisor.Web.Hub;

/// <summary>The event log's Lua scripts; each touches one session's keys only (one Cluster slot).</summary>
internal static class EventLogScripts
{
    /// <summary>
    /// Appends one event. The sequence number is taken and the event stored in the same script, so
    /// the log has no holes and no two events share a number, whichever host appends (a Redis that
    /// lost its last writes leaves a hole rather than hand a number out twice, see ARGV[6]).
    /// KEYS: counter, events, video, message ids. ARGV: event JSON without "seq" (starting with '{'),
    /// lifetime in ms, most events kept (0 = all), '1' for a video event, message id or '', and the
    /// highest number this host has handed out in the session (0 if none): a counter found below it
    /// came back from an older state (a Redis that lost its last writes), and numbering goes on
    /// above it rather than reusing numbers clients have already applied.
    /// Returns {seq, 1} when appended, {seq of the earlier one, 0} for a message id already seen.
    /// </summary>
    public const string Append = """
        local id = ARGV[5]
        if id ~= '' then
          local seen = redis.call('HGET', KEYS[4], id)
          if seen then
            return {tonumber(seen), 0}
          end
        end
        local seq = redis.call('INCR', KEYS[1])
        local floor = tonumber(ARGV[6])
        if seq <= floor then
          seq = floor + 1
          redis.call('SET', KEYS[1], seq)
        end
        local event = '{"seq":' .. seq .. ',' .. string.sub(ARGV[1], 2)
        redis.call('ZADD', KEYS[2], seq, event)
        if ARGV[4] == '1' then
          redis.call('SET', KEYS[3], event)
        end
        if id ~= '' then
          redis.call('HSET', KEYS[4], id, seq)
        end
        local ttl = tonumber(ARGV[2])
        for i = 1, 4 do
          redis.call('PEXPIRE', KEYS[i], ttl)
        end
        local max = tonumber(ARGV[3])
        -- The log holds at most seq events, so there is nothing to trim until seq passes the cap.
        if max > 0 and seq > max then
          redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -max - 1)
        end
        return {seq, 1}
        """;

    /// <summary>
    /// Reads events after a sequence number together with the newest number, in one step.
    /// KEYS: counter, events. ARGV: after seq, most events to return. Returns {latest seq, {json…}}.
    /// </summary>
    public const string Read = """
        local latest = tonumber(redis.call('GET', KEYS[1]) or '0')
        local events = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf', 'LIMIT', 0, tonumber(ARGV[2]))
        return {latest, events}
        """;
}

namespace PinCovisor.Web.Hub;

/// <summary>The event log's Lua scripts; each touches one session's keys only (one Cluster slot).</summary>
internal static class EventLogScripts
{
    /// <summary>
    /// Appends one event. The sequence number is taken and the event stored in the same script, so
    /// the log has no holes and no two events share a number, whichever host appends (a Redis that
    /// lost its last writes leaves a hole rather than hand a number out twice, see ARGV[6]).
    /// KEYS: counter, events, video, message ids, bytes. ARGV: event JSON without "seq" (starting
    /// with '{'), lifetime in ms, most events kept (0 = all), '1' for a video event, message id or '',
    /// the highest number this host has handed out in the session (0 if none): a counter found below
    /// it came back from an older state (a Redis that lost its last writes), and numbering goes on
    /// above it rather than reusing numbers clients have already applied; and the most bytes kept.
    /// The bytes key counts what the log holds (events, message ids, the latest video event); past
    /// either cap the oldest events go, the message ids below the oldest kept event with them, and
    /// the newest event always stays. Sizes are string lengths in bytes, read as the events leave,
    /// so each event is measured twice in its life whatever the log's length.
    /// Returns {seq, 1} when appended, {seq of the earlier one, 0} for a message id still in the log.
    /// </summary>
    public const string Append = """
        local id = ARGV[5]
        if id ~= '' then
          local seen = redis.call('ZSCORE', KEYS[4], id)
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
        local added = #event
        if ARGV[4] == '1' then
          added = added - redis.call('STRLEN', KEYS[3])
          redis.call('SET', KEYS[3], event)
        end
        if id ~= '' then
          redis.call('ZADD', KEYS[4], seq, id)
          added = added + #id
        end
        local bytes = redis.call('INCRBY', KEYS[5], added)
        local ttl = tonumber(ARGV[2])
        for i = 1, 5 do
          redis.call('PEXPIRE', KEYS[i], ttl)
        end
        local drop, freed = 0, 0
        local max = tonumber(ARGV[3])
        -- The log holds at most seq events, so there is nothing to trim by count until seq passes the cap.
        if max > 0 and seq > max then
          local excess = redis.call('ZRANGE', KEYS[2], 0, -max - 1)
          for i = 1, #excess do
            freed = freed + #excess[i]
          end
          drop = #excess
        end
        local maxBytes = tonumber(ARGV[7])
        if bytes - freed > maxBytes then
          local keep = redis.call('ZCARD', KEYS[2]) - 1
          while bytes - freed > maxBytes and drop < keep do
            local batch = redis.call('ZRANGE', KEYS[2], drop, drop + 1)
            if #batch == 0 then
              break
            end
            for i = 1, #batch do
              if bytes - freed <= maxBytes or drop >= keep then
                break
              end
              freed = freed + #batch[i]
              drop = drop + 1
            end
          end
        end
        if drop > 0 then
          redis.call('ZREMRANGEBYRANK', KEYS[2], 0, drop - 1)
          local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
          local below = '(' .. oldest[2]
          local ids = redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', below)
          for i = 1, #ids do
            freed = freed + #ids[i]
          end
          redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', below)
          redis.call('DECRBY', KEYS[5], freed)
        end
        return {seq, 1}
        """;

    /// <summary>
    /// Reads events after a sequence number together with the newest number, in one step.
    /// KEYS: counter, events. ARGV: after seq, most events to return, most bytes of events to return
    /// (the first event is returned whatever its size). Returns {latest seq, {json…}}.
    /// </summary>
    public const string Read = """
        local latest = tonumber(redis.call('GET', KEYS[1]) or '0')
        local events = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf', 'LIMIT', 0, tonumber(ARGV[2]))
        local budget = tonumber(ARGV[3])
        local page, used = {}, 0
        for i = 1, #events do
          used = used + #events[i]
          if i > 1 and used > budget then
            break
          end
          page[i] = events[i]
        end
        return {latest, page}
        """;
}

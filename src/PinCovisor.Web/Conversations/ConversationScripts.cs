namespace PinCovisor.Web.Conversations;

/// <summary>The Lua of conversations; each script touches one key, or keys of one session.</summary>
internal static class ConversationScripts
{
    /// <summary>KEYS: an address's open-conversation index. ARGV: a session id. Deletes the index only if it still names that session.</summary>
    public const string ForgetIfSame = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    /// <summary>
    /// KEYS: session. ARGV: agent. Puts the agent in charge only while nobody is: -1 when the session
    /// is gone or closed, 0 when another agent has it, 1 when it is (now) the agent's.
    /// </summary>
    public const string Take = """
        if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'closed') == 1 then
          return -1
        end
        local current = redis.call('HGET', KEYS[1], 'agent')
        if current and current ~= ARGV[1] then
          return 0
        end
        redis.call('HSET', KEYS[1], 'agent', ARGV[1])
        return 1
        """;

    /// <summary>
    /// KEYS: a conversation's record. ARGV: field, value. Sets the field only while the record lives,
    /// so a record that just expired is not brought back without its lifetime.
    /// </summary>
    public const string SetIfRecorded = """
        if redis.call('EXISTS', KEYS[1]) == 1 then
          return redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        end
        return -1
        """;

    /// <summary>KEYS: a conversation's record. ARGV: field, increment. Adds to the field only when it exists; -1 otherwise.</summary>
    public const string AddIfPresent = """
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
          redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
          return 1
        end
        return -1
        """;

    /// <summary>
    /// KEYS: a session's delivery hash. ARGV: seq, rank, status, lifetime (ms). Records the message's
    /// state only when it moves forward (a higher rank) and the one before is not final (rank 6:
    /// failed, undelivered, canceled); 1 when it moved, 0 otherwise.
    /// </summary>
    public const string AdvanceDelivery = """
        local current = redis.call('HGET', KEYS[1], ARGV[1])
        if current then
          local rank = tonumber(string.sub(current, 1, 1))
          if rank >= 6 or rank >= tonumber(ARGV[2]) then
            return 0
          end
        end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. ':' .. ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return 1
        """;

    /// <summary>KEYS: a hash. Returns its fields and values and deletes it, so only one caller gets them.</summary>
    public const string TakeAll = """
        local all = redis.call('HGETALL', KEYS[1])
        redis.call('DEL', KEYS[1])
        return all
        """;
}

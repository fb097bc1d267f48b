-- Records the agent who answered a known call; a later answer replaces the earlier one.
-- KEYS[1] the call's record   pb:{call:CA…}:call
-- ARGV[1] agent id   ARGV[2] TTL (ms)
-- Returns nil for an unknown call (nothing is created), else {changed (1 or 0), field, value, ...}.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end

local changed = 0
if redis.call('HGET', KEYS[1], 'agent') ~= ARGV[1] then
  redis.call('HSET', KEYS[1], 'agent', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  changed = 1
end

local record = redis.call('HGETALL', KEYS[1])
table.insert(record, 1, changed)
return record

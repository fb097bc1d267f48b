-- Ends a call that has had no news for too long (its end callback was lost, or never sent) and that
-- Twilio's REST API could not say had ended, as a "completed" callback would, and marks it 'quiet'
-- with how long it was silent. The latest news is the later of 'moved' and 'checked' (see
-- claim_check.lua). A call not silent that long is left as it is, and the claim on it given up.
-- Check and change are one step, so when several hosts sweep the same calls one of them ends it.
-- KEYS[1] the call's record   pb:{call:CA…}:call
-- ARGV[1] now (Unix ms)   ARGV[2] silence that ends a call (ms)   ARGV[3] TTL (ms)
-- Returns nil for an unknown call, else {ended (1 when this call ended it, else 0), field, value, ...}.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end

local ended = 0
if redis.call('HEXISTS', KEYS[1], 'ended') == 0 then
  -- Records from before 'moved' existed count from their start.
  local moved = tonumber(redis.call('HGET', KEYS[1], 'moved')) or tonumber(redis.call('HGET', KEYS[1], 'started')) or 0
  local news = math.max(moved, tonumber(redis.call('HGET', KEYS[1], 'checked')) or 0)
  local silent = tonumber(ARGV[1]) - news
  if silent >= tonumber(ARGV[2]) then
    redis.call('HSET', KEYS[1], 'status', 'completed', 'ended', ARGV[1], 'quiet', silent)
    redis.call('PEXPIRE', KEYS[1], ARGV[3])
    ended = 1
  else
    redis.call('HDEL', KEYS[1], 'lease')
  end
end

local record = redis.call('HGETALL', KEYS[1])
table.insert(record, 1, ended)
return record

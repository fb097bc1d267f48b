-- Applies a Twilio status callback. Callbacks can arrive late and out of order, so a status only
-- replaces one that comes before it in a call's life; an over status sets 'ended' and is final.
-- KEYS[1] the call's record   pb:{call:CA…}:call
-- ARGV[1] status (Twilio's spelling)   ARGV[2] '1' when it ends the call   ARGV[3] now (Unix ms)
-- ARGV[4] TTL (ms)
-- Returns nil for an unknown call, else {changed (1 or 0), field, value, ...}.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end

-- The statuses a call goes through before it ends, in order; an over status comes after all.
local progress = { queued = 1, ringing = 2, ['in-progress'] = 3 }
local over = ARGV[2] == '1'
local changed = 0
if redis.call('HEXISTS', KEYS[1], 'ended') == 0 then
  local current = redis.call('HGET', KEYS[1], 'status')
  if over or (progress[ARGV[1]] or 0) > (progress[current] or 0) then
    redis.call('HSET', KEYS[1], 'status', ARGV[1], 'moved', ARGV[3])
    if over then
      redis.call('HSET', KEYS[1], 'ended', ARGV[3])
    end
    redis.call('PEXPIRE', KEYS[1], ARGV[4])
    changed = 1
  end
end

local record = redis.call('HGETALL', KEYS[1])
table.insert(record, 1, changed)
return record

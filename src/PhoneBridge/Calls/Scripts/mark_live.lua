-- Records that Twilio's REST API says a call is still live: news of the call, as a status move
-- is, so it is asked about again only after another stretch of silence, and not ended meanwhile.
-- The claim taken by claim_check.lua is given up.
-- KEYS[1] the call's record   pb:{call:CA…}:call
-- ARGV[1] now (Unix ms)
-- Returns nil for an unknown call, else {changed (1 when recorded, 0 for a call that has ended), field, value, ...}.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end

local changed = 0
if redis.call('HEXISTS', KEYS[1], 'ended') == 0 then
  redis.call('HSET', KEYS[1], 'checked', ARGV[1])
  redis.call('HDEL', KEYS[1], 'lease')
  changed = 1
end

local record = redis.call('HGETALL', KEYS[1])
table.insert(record, 1, changed)
return record

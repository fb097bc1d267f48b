-- Claims a call that has had no news for a while, so that this host alone asks Twilio's REST API
-- about it. The latest news is the later of 'moved' (see end_quiet.lua) and 'checked' (Twilio last
-- said the call was live). A call is due once that news is ARGV[2] old; before ARGV[3] it is asked
-- about at most once per ARGV[2] ('asked'), however Twilio answered; from ARGV[3] on it is asked
-- before the host ends it, whenever it was asked last. 'lease' holds the claim for ARGV[4], so a
-- host that claims and dies only delays the next ask.
-- KEYS[1] the call's record   pb:{call:CA…}:call
-- ARGV[1] now (Unix ms)   ARGV[2] silence before asking (ms)   ARGV[3] silence that ends a call (ms)
-- ARGV[4] how long the claim holds (ms)
-- Returns nil for an unknown call, else {claimed (1 when this host is to ask, else 0), field, value, ...}.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end

local now = tonumber(ARGV[1])
local function field(name)
  return tonumber(redis.call('HGET', KEYS[1], name))
end

local claimed = 0
if redis.call('HEXISTS', KEYS[1], 'ended') == 0 and (field('lease') or 0) <= now then
  local news = math.max(field('moved') or field('started') or 0, field('checked') or 0)
  local silent = now - news
  local asked = field('asked')
  if silent >= tonumber(ARGV[2]) and (silent >= tonumber(ARGV[3]) or asked == nil or now - asked >= tonumber(ARGV[2])) then
    redis.call('HSET', KEYS[1], 'lease', now + tonumber(ARGV[4]), 'asked', now)
    claimed = 1
  end
end

local record = redis.call('HGETALL', KEYS[1])
table.insert(record, 1, claimed)
return record

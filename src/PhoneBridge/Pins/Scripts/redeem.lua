-- Uses a PIN once. The entry is kept, marked used, until it expires: the caller may still hear the
-- digits repeated, so they must not be handed to another call meanwhile.
-- KEYS[1] the index entry   pb:{pins}:pin:<hmac>
-- ARGV[1] now (Unix ms)
-- Returns the CallSid, or nil when no live PIN has these digits or it was already used.
local entry = redis.call('HMGET', KEYS[1], 'call', 'exp', 'used')
local call, expires, used = entry[1], tonumber(entry[2]), entry[3]
if not call or not expires or expires <= tonumber(ARGV[1]) or used then
  return false
end

redis.call('HSET', KEYS[1], 'used', '1')
return call

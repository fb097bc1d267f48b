-- Replaces a call's PIN with the one just reserved for it (an agent gives the caller a new code),
-- unless the call's PIN was revoked (the call is over).
-- KEYS[1] the call's PIN record   pb:{call:CA…}:pin
-- ARGV[1] nonce (hex)   ARGV[2] length   ARGV[3] hmac   ARGV[4] expires at (Unix ms)
-- ARGV[5] TTL of the record (ms), for cleanup
-- Returns {'revoked'}, or {'replaced', hmac, length} of the PIN replaced, or {'replaced'} when the
-- call had none: the replaced PIN's place in the index must then be freed.
local entry = redis.call('HMGET', KEYS[1], 'state', 'hash', 'len')
if entry[1] == 'revoked' then
  return {'revoked'}
end

redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'nonce', ARGV[1], 'len', ARGV[2], 'hash', ARGV[3], 'exp', ARGV[4], 'state', 'live')
redis.call('PEXPIRE', KEYS[1], ARGV[5])
if entry[2] and entry[3] then
  return {'replaced', entry[2], entry[3]}
end

return {'replaced'}

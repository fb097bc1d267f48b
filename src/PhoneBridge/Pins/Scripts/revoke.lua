-- Marks a call's PIN revoked (the call is over) and keeps the marker so later issues are refused.
-- KEYS[1] the call's PIN record   pb:{call:CA…}:pin
-- ARGV[1] how long to keep the marker (ms)
-- Returns {hmac, length} of the PIN that must now leave the index, or {} when the call had none.
-- Repeating it returns the same pair, so a revoke whose index step failed can simply be retried.
local entry = redis.call('HMGET', KEYS[1], 'hash', 'len')
-- Without its nonce the PIN cannot be derived again, not even by PhoneBridge.
redis.call('HDEL', KEYS[1], 'nonce')
redis.call('HSET', KEYS[1], 'state', 'revoked')
redis.call('PEXPIRE', KEYS[1], ARGV[1])
if entry[1] then
  return {entry[1], entry[2]}
end

return {}

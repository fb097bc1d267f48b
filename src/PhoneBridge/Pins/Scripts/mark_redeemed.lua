-- Records on the call's side that its PIN was used, after the index accepted it.
-- KEYS[1] the call's PIN record   pb:{call:CA…}:pin
-- ARGV[1] hmac of the redeemed PIN
-- Returns 1 when the call's live PIN with this hmac is now redeemed; 0 when the call has moved on
-- (PIN revoked, replaced or gone), in which case the redemption must not count.
local entry = redis.call('HMGET', KEYS[1], 'state', 'hash')
if entry[1] ~= 'live' or entry[2] ~= ARGV[1] then
  return 0
end

redis.call('HSET', KEYS[1], 'state', 'redeemed')
return 1

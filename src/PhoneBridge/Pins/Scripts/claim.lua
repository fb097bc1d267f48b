-- Gives a call the PIN just reserved for it, unless the call already has a PIN that still stands
-- (a concurrent retry won) or its PIN was revoked. The loser releases its own reservation.
-- KEYS[1] the call's PIN record   pb:{call:CA…}:pin
-- ARGV[1] nonce (hex)   ARGV[2] length   ARGV[3] hmac   ARGV[4] expires at (Unix ms)
-- ARGV[5] now (Unix ms)   ARGV[6] TTL of the record (ms), for cleanup
-- Returns {'claimed'}, {'revoked'} or {'existing', field, value, ...} with the record that stands.
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'revoked' then
  return {'revoked'}
end

local expires = tonumber(redis.call('HGET', KEYS[1], 'exp'))
if state and expires and expires > tonumber(ARGV[5]) then
  local existing = redis.call('HGETALL', KEYS[1])
  table.insert(existing, 1, 'existing')
  return existing
end

redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'nonce', ARGV[1], 'len', ARGV[2], 'hash', ARGV[3], 'exp', ARGV[4], 'state', 'live')
redis.call('PEXPIRE', KEYS[1], ARGV[6])
return {'claimed'}

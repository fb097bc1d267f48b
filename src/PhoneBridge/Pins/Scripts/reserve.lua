-- Reserves a place in the PIN index for a candidate PIN, or says why it cannot. Deciding all of
-- this in one script is what keeps live PINs unique under concurrent calls.
-- KEYS[1] the candidate's index entry   pb:{pins}:pin:<hmac>
-- KEYS[2] the live set of its length    pb:{pins}:live:<length>
-- ARGV[1] CallSid   ARGV[2] hmac   ARGV[3] now (Unix ms)   ARGV[4] expires at (Unix ms)
-- ARGV[5] how many PINs of this length may be live   ARGV[6] TTL of both keys (ms), for cleanup
-- Returns 'ok', 'full' (this length is at capacity) or 'taken' (another PIN holds these digits).
local now = tonumber(ARGV[3])

-- Expiry is judged by the caller's clock, so a PIN frees its place the moment it expires rather
-- than when Redis gets round to evicting it.
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[5]) then
  return 'full'
end

local expires = tonumber(redis.call('HGET', KEYS[1], 'exp'))
if expires and expires > now then
  return 'taken'
end

redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'call', ARGV[1], 'exp', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[6])
return 'ok'

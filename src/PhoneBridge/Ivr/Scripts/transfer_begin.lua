-- Starts a transfer of a call that is with an agent and has not ended, unless another transfer of
-- it is still ringing (marked and not yet taken).
-- KEYS[1] the call's transfer   pb:{call:CA…}:transfer
-- KEYS[2] the call's record     pb:{call:CA…}:call
-- ARGV[1] transfer id   ARGV[2] from (agent)   ARGV[3] to (agent)   ARGV[4] TTL (ms)
-- Returns 'begun', 'ringing' (another transfer rings) or 'over' (unknown or ended call).
if redis.call('EXISTS', KEYS[2]) == 0 or redis.call('HEXISTS', KEYS[2], 'ended') == 1 then
  return 'over'
end

if redis.call('EXISTS', KEYS[1]) == 1 and redis.call('HEXISTS', KEYS[1], 'taken') == 0 then
  return 'ringing'
end

redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'from', ARGV[2], 'to', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 'begun'

-- Records that the agent a transfer rings took the call (their leg bound it).
-- KEYS[1] the call's transfer   pb:{call:CA…}:transfer
-- ARGV[1] the agent who bound the call
-- Returns 1 when a ringing transfer to that agent is now taken, else 0.
if redis.call('HGET', KEYS[1], 'to') ~= ARGV[1] then
  return 0
end

redis.call('HSET', KEYS[1], 'taken', ARGV[1])
return 1

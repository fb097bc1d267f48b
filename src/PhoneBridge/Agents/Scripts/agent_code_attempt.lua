-- Counts a try at an agent's code before the code is judged, so calls in parallel cannot slip past
-- the limit. A try is named by the call leg and its number within the call: the same signed request
-- replayed is the same try, judged again but not counted twice.
-- KEYS[1] the agent's tries   pb:{agent-code:<h>}:tries   (hash: '<leg CallSid>:<n>' -> '1')
-- ARGV[1] the try's name   ARGV[2] most tries counted in the window   ARGV[3] window (ms)
-- Returns 0 when the try may be judged, else the ms until the window ends.
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
  return 0
end

if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[2]) then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[3])
    ttl = tonumber(ARGV[3])
  end
  return math.max(ttl, 1)
end

redis.call('HSET', KEYS[1], ARGV[1], '1')
if redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
return 0

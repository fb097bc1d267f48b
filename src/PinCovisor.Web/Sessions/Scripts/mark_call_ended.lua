if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end
local endedNow = redis.call('HSETNX', KEYS[1], 'ended', ARGV[1])
return {endedNow, redis.call('HGETALL', KEYS[1])}

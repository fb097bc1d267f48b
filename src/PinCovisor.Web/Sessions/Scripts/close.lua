if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end
local closedNow = redis.call('HSETNX', KEYS[1], 'closed', ARGV[1])
return {closedNow, redis.call('HGETALL', KEYS[1])}

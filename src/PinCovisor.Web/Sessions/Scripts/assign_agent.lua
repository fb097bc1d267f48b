if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'closed') == 1 then
  return false
end
local previous = redis.call('HGET', KEYS[1], 'agent')
redis.call('HSET', KEYS[1], 'agent', ARGV[1])
return {previous or '', redis.call('HGETALL', KEYS[1])}

if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'closed') == 1 then
  return -1
end
local current = redis.call('HGET', KEYS[1], 'agent')
if current and current ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 'agent', ARGV[1])
return 1

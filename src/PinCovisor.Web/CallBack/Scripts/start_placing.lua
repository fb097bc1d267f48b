local ttl = redis.call('PTTL', KEYS[1])
if ttl <= 0 or redis.call('HEXISTS', KEYS[1], 'closed') == 1 then
  return {-1}
end
if redis.call('HEXISTS', KEYS[1], 'call') == 1 then
  return {-2}
end
local number = redis.call('HGET', KEYS[2], 'number')
if not number then
  return {-3}
end
local placing = tonumber(redis.call('HGET', KEYS[2], 'placing') or '0')
if placing > tonumber(ARGV[1]) - tonumber(ARGV[2]) then
  return {-4}
end
redis.call('HSET', KEYS[2], 'placing', ARGV[1])
return {1, number, redis.call('HGET', KEYS[2], 'masked')}

local ttl = redis.call('PTTL', KEYS[1])
if ttl <= 0 or redis.call('HEXISTS', KEYS[1], 'closed') == 1 or redis.call('HEXISTS', KEYS[1], 'call') == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'call', ARGV[1])
redis.call('DEL', KEYS[2])
return ttl

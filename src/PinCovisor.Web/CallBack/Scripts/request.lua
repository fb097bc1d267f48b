local ttl = redis.call('PTTL', KEYS[1])
if ttl <= 0 or redis.call('HEXISTS', KEYS[1], 'closed') == 1 then
  return -1
end
if redis.call('HEXISTS', KEYS[1], 'call') == 1 or redis.call('HEXISTS', KEYS[2], 'placing') == 1 then
  return -2
end
local wait = redis.call('PTTL', KEYS[3])
if wait > 0 then
  return wait
end
redis.call('HSET', KEYS[2], 'number', ARGV[1], 'masked', ARGV[2], 'at', ARGV[3])
redis.call('PEXPIRE', KEYS[2], ttl)
redis.call('SET', KEYS[3], '1', 'PX', ARGV[4])
return 0

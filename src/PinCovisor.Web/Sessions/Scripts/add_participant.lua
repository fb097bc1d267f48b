local ttl = redis.call('PTTL', KEYS[1])
if ttl <= 0 or redis.call('HEXISTS', KEYS[1], 'closed') == 1 then
  return false
end
redis.call('HSET', KEYS[3], 'admission', ARGV[2], 'joined', ARGV[4])
if ARGV[3] ~= '' then
  redis.call('HSET', KEYS[3], 'device', ARGV[3])
end
redis.call('PEXPIRE', KEYS[3], ttl)
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ttl)
return 1

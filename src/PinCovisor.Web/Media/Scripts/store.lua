local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
local bytes = tonumber(redis.call('HGET', KEYS[1], 'bytes') or '0')
local size = tonumber(ARGV[3])
local ttl = tonumber(ARGV[4])
if count + 1 > tonumber(ARGV[1]) then return -1 end
if bytes + size > tonumber(ARGV[2]) then return -2 end
redis.call('HINCRBY', KEYS[1], 'count', 1)
redis.call('HINCRBY', KEYS[1], 'bytes', size)
redis.call('HSET', KEYS[2], 'data', ARGV[5], 'type', ARGV[6], 'width', ARGV[7], 'height', ARGV[8],
  'by', ARGV[9], 'exp', ARGV[10], 'bytes', size)
redis.call('PEXPIRE', KEYS[2], ttl)
if redis.call('PTTL', KEYS[1]) < ttl then
  redis.call('PEXPIRE', KEYS[1], ttl)
end
redis.call('SADD', KEYS[3], ARGV[11])
if redis.call('PTTL', KEYS[3]) < ttl then
  redis.call('PEXPIRE', KEYS[3], ttl)
end
return count + 1

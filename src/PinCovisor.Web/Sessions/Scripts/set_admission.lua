local current = redis.call('HGET', KEYS[1], 'admission')
if not current then
  return false
end
if current ~= 'Rejected' then
  redis.call('HSET', KEYS[1], 'admission', ARGV[1])
end
return redis.call('HGETALL', KEYS[1])

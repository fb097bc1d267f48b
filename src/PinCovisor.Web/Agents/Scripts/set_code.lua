if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
if ARGV[1] == '' then
  redis.call('HDEL', KEYS[1], 'code')
else
  redis.call('HSET', KEYS[1], 'code', ARGV[1])
end
redis.call('HSET', KEYS[1], 'edited', '1')
return 1

if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end
redis.call('HSET', KEYS[1], 'disabled', ARGV[1])
if ARGV[2] == '1' then
  redis.call('HSET', KEYS[1], 'edited', '1')
end
if ARGV[1] == '1' then
  local ids = redis.call('ZRANGE', KEYS[2], 0, -1)
  redis.call('DEL', KEYS[2])
  return ids
end
return {}

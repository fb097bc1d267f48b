if ARGV[2] == 'create' then
  if redis.call('EXISTS', KEYS[1]) == 1 then
    return 0
  end
else
  local current = redis.call('HMGET', KEYS[1], 'origin', 'edited', 'fp', 'hash')
  if current[1] ~= 'config' or current[2] == '1' or current[3] ~= ARGV[3] or (current[4] or '') ~= ARGV[4] then
    return 0
  end
end
for i = 5, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('SADD', KEYS[2], ARGV[1])
return 1

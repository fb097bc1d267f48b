local removed = redis.call('HDEL', KEYS[1], ARGV[1])
if ARGV[2] == '1' and redis.call('SADD', KEYS[2], ARGV[1]) == 1 then
  removed = 1
end
return removed

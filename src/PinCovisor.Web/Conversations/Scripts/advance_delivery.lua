local current = redis.call('HGET', KEYS[1], ARGV[1])
if current then
  local rank = tonumber(string.sub(current, 1, 1))
  if rank >= 6 or rank >= tonumber(ARGV[2]) then
    return 0
  end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. ':' .. ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1

local wait = 0
for i = 1, #KEYS do
  local limit, window, mode = tonumber(ARGV[i * 3 - 2]), tonumber(ARGV[i * 3 - 1]), ARGV[i * 3]
  if mode == 'r' and tonumber(redis.call('GET', KEYS[i]) or '0') >= limit then
    local ttl = redis.call('PTTL', KEYS[i])
    if ttl < 0 then
      redis.call('PEXPIRE', KEYS[i], window)
      ttl = window
    end
    if ttl > wait then
      wait = ttl
    end
  end
end
if wait > 0 then
  return {wait, 0}
end
local over = 0
for i = 1, #KEYS do
  local limit, window, mode = tonumber(ARGV[i * 3 - 2]), tonumber(ARGV[i * 3 - 1]), ARGV[i * 3]
  local ttl = redis.call('PTTL', KEYS[i])
  local count = redis.call('INCR', KEYS[i])
  if count == 1 or ttl == -1 then
    redis.call('PEXPIRE', KEYS[i], window)
  end
  if mode == 'f' and count > limit then
    over = 1
  end
end
return {0, over}

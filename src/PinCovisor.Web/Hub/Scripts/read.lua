local latest = tonumber(redis.call('GET', KEYS[1]) or '0')
local events = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf', 'LIMIT', 0, tonumber(ARGV[2]))
local budget = tonumber(ARGV[3])
local page, used = {}, 0
for i = 1, #events do
  used = used + #events[i]
  if i > 1 and used > budget then
    break
  end
  page[i] = events[i]
end
return {latest, page}

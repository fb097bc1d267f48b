local id = ARGV[5]
if id ~= '' then
  local seen = redis.call('ZSCORE', KEYS[4], id)
  if seen then
    return {tonumber(seen), 0}
  end
end
local seq = redis.call('INCR', KEYS[1])
local floor = tonumber(ARGV[6])
if seq <= floor then
  seq = floor + 1
  redis.call('SET', KEYS[1], seq)
end
local event = '{"seq":' .. seq .. ',' .. string.sub(ARGV[1], 2)
redis.call('ZADD', KEYS[2], seq, event)
local added = #event
if ARGV[4] == '1' then
  added = added - redis.call('STRLEN', KEYS[3])
  redis.call('SET', KEYS[3], event)
end
if id ~= '' then
  redis.call('ZADD', KEYS[4], seq, id)
  added = added + #id
end
local bytes = redis.call('INCRBY', KEYS[5], added)
local ttl = tonumber(ARGV[2])
for i = 1, 5 do
  redis.call('PEXPIRE', KEYS[i], ttl)
end
local drop, freed = 0, 0
local max = tonumber(ARGV[3])
-- The log holds at most seq events, so there is nothing to trim by count until seq passes the cap.
if max > 0 and seq > max then
  local excess = redis.call('ZRANGE', KEYS[2], 0, -max - 1)
  for i = 1, #excess do
    freed = freed + #excess[i]
  end
  drop = #excess
end
local maxBytes = tonumber(ARGV[7])
if bytes - freed > maxBytes then
  local keep = redis.call('ZCARD', KEYS[2]) - 1
  while bytes - freed > maxBytes and drop < keep do
    local batch = redis.call('ZRANGE', KEYS[2], drop, drop + 1)
    if #batch == 0 then
      break
    end
    for i = 1, #batch do
      if bytes - freed <= maxBytes or drop >= keep then
        break
      end
      freed = freed + #batch[i]
      drop = drop + 1
    end
  end
end
if drop > 0 then
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, drop - 1)
  local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  local below = '(' .. oldest[2]
  local ids = redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', below)
  for i = 1, #ids do
    freed = freed + #ids[i]
  end
  redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', below)
  redis.call('DECRBY', KEYS[5], freed)
end
return {seq, 1}

local stored = redis.call('HGET', KEYS[1], 'key')
if not stored or stored ~= ARGV[1] then
  return {0}
end
local now = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local started = tonumber(redis.call('HGET', KEYS[1], 'rw') or '0')
local count = tonumber(redis.call('HGET', KEYS[1], 'rc') or '0')
if now - started >= window or now < started then
  started = now
  count = 0
end
if count >= tonumber(ARGV[4]) then
  return {2, started + window - now}
end
redis.call('HSET', KEYS[1], 'rw', started, 'rc', count + 1, 'url', ARGV[5], 'title', ARGV[6],
  'device', ARGV[7], 'last', now, 'ins', ARGV[9])
if ARGV[10] ~= '1' then
  redis.call('HINCRBY', KEYS[1], 'views', 1)
end
redis.call('PEXPIRE', KEYS[1], ARGV[8])
return {1}

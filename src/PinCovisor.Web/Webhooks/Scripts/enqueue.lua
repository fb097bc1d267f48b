-- KEYS: seen (the event id's mark), due, then one delivery hash per endpoint.
-- ARGV: seen ttl ms, now ms, body, event id, type, then (delivery id, endpoint) per delivery hash.
-- An event id already seen enqueues nothing: an event told twice (a retried callback, a second
-- host) reaches each endpoint once. Returns how many deliveries were queued.
if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  return 0
end
local queued = 0
for i = 3, #KEYS do
  local id = ARGV[6 + (i - 3) * 2]
  local endpoint = ARGV[7 + (i - 3) * 2]
  redis.call('HSET', KEYS[i], 'event', ARGV[4], 'type', ARGV[5], 'endpoint', endpoint, 'body', ARGV[3],
    'created', ARGV[2], 'attempts', 0)
  redis.call('ZADD', KEYS[2], ARGV[2], id)
  queued = queued + 1
end
return queued

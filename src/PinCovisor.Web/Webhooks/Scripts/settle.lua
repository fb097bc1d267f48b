-- KEYS: due, delivery hash, dead. ARGV: delivery id, lease until ms (the claim's token),
-- outcome ('done', 'retry' or 'dead'), now ms, next attempt ms, error, dead letters kept, prefix of delivery hashes.
-- A lease that ran out and was taken by another host is that host's now: settling it here
-- changes nothing (-1). Otherwise returns how many old dead letters were dropped to keep the cap.
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score or tonumber(score) ~= tonumber(ARGV[2]) then
  return -1
end
if ARGV[3] == 'done' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('DEL', KEYS[2])
  return 0
end
redis.call('HINCRBY', KEYS[2], 'attempts', 1)
redis.call('HSET', KEYS[2], 'error', ARGV[6], 'tried', ARGV[4])
if ARGV[3] == 'retry' then
  redis.call('ZADD', KEYS[1], ARGV[5], ARGV[1])
  return 0
end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], 'dead', ARGV[4])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
-- The delivery hashes share the queue's hash tag, so the dropped ones are in this slot too.
local over = redis.call('ZCARD', KEYS[3]) - tonumber(ARGV[7])
if over <= 0 then
  return 0
end
local dropped = redis.call('ZRANGE', KEYS[3], 0, over - 1)
for _, id in ipairs(dropped) do
  redis.call('DEL', ARGV[8] .. id)
end
redis.call('ZREMRANGEBYRANK', KEYS[3], 0, over - 1)
return over

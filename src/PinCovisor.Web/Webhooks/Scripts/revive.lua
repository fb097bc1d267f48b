-- KEYS: dead, due, delivery hash. ARGV: delivery id, now ms.
-- A dead letter an admin retries is queued again at once with a fresh count and age. Returns 1, or 0 when it is no dead letter.
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 or redis.call('EXISTS', KEYS[3]) == 0 then
  return 0
end
redis.call('HSET', KEYS[3], 'attempts', 0, 'created', ARGV[2])
redis.call('HDEL', KEYS[3], 'dead')
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
return 1

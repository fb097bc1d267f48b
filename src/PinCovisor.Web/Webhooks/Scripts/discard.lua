-- KEYS: dead, delivery hash. ARGV: delivery id. Returns 1, or 0 when it is no dead letter.
if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('DEL', KEYS[2])
return 1

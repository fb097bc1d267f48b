-- Takes a PIN out of the index, but only while the entry still belongs to the given call: if the
-- digits have since gone to another call, that call keeps its place (compare-and-delete).
-- KEYS[1] the index entry   pb:{pins}:pin:<hmac>
-- KEYS[2] the live set      pb:{pins}:live:<length>
-- ARGV[1] CallSid   ARGV[2] hmac
-- Returns 1 when released, 0 when the entry was gone or held by another call.
if redis.call('HGET', KEYS[1], 'call') ~= ARGV[1] then
  return 0
end

redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[2])
return 1

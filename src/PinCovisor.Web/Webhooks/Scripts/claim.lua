-- KEYS: due. ARGV: now ms, lease until ms, most to take.
-- Leases the deliveries due by moving their score to the lease's end: another host sees them again
-- only if this one neither settles them nor renews them by then (it died mid-send). The score
-- doubles as the lease's token (see settle.lua). Returns the delivery ids.
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(ids) do
  redis.call('ZADD', KEYS[1], ARGV[2], id)
end
return ids

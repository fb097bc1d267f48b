-- Creates a call's record on first sight. A retry changes nothing already recorded, so the
-- original start time and status stand. 'moved' is when the call's status last moved (see end_quiet.lua).
-- KEYS[1] the call's record   pb:{call:CA…}:call
-- ARGV[1] now (Unix ms)   ARGV[2] masked caller number ('' when none)   ARGV[3] first status
-- ARGV[4] TTL (ms)
-- Returns {created (1 or 0), field, value, ...}.
local created = redis.call('HSETNX', KEYS[1], 'started', ARGV[1])
if created == 1 then
  redis.call('HSET', KEYS[1], 'status', ARGV[3], 'sms', '0', 'moved', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
end

if ARGV[2] ~= '' then
  redis.call('HSETNX', KEYS[1], 'from', ARGV[2])
end

local record = redis.call('HGETALL', KEYS[1])
table.insert(record, 1, created)
return record

-- Counts an SMS for a known call if the count is still below the limit (check and increment in
-- one step, so concurrent presses of "2" cannot both pass).
-- KEYS[1] the call's record   pb:{call:CA…}:call
-- ARGV[1] the most SMS allowed per call
-- Returns 1 when counted (send it), 0 when the limit is reached, -1 for an unknown call.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return -1
end

local sent = tonumber(redis.call('HGET', KEYS[1], 'sms')) or 0
if sent >= tonumber(ARGV[1]) then
  return 0
end

redis.call('HINCRBY', KEYS[1], 'sms', 1)
return 1

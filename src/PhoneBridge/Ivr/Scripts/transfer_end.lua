-- Ends the transfer whose dial reported its result, when it is still the call's latest one.
-- KEYS[1] the call's transfer   pb:{call:CA…}:transfer
-- ARGV[1] the transfer id the result carries
-- Returns {'current', taken} (taken is '' when nobody took it) and deletes the mark; 'superseded'
-- when a later transfer replaced it; 'none' when there is no mark (expired, or told before).
local id = redis.call('HGET', KEYS[1], 'id')
if not id then
  return {'none'}
end

if id ~= ARGV[1] then
  return {'superseded'}
end

local taken = redis.call('HGET', KEYS[1], 'taken') or ''
redis.call('DEL', KEYS[1])
return {'current', taken}

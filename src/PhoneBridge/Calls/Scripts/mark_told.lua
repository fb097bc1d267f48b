-- Records that the end of a call ended after silence was passed on, if the record still exists
-- (a bare HSET would bring an expired record back as a stub that never expires).
-- KEYS[1] the call's record   pb:{call:CA…}:call
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HSET', KEYS[1], 'told', '1')
end
return 1

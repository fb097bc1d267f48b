local offer = redis.call('HMGET', KEYS[1], 'agent', 'channel')
if not offer[1] then
  return 0
end
if redis.call('HSETNX', KEYS[2], 'score', ARGV[1]) == 0 then
  if ARGV[4] ~= '' and redis.call('HGET', KEYS[2], 'messageId') == ARGV[4] then
    return 2
  end
  return 1
end
redis.call('HSET', KEYS[2], 'agent', offer[1], 'channel', offer[2], 'comment', ARGV[2], 'at', ARGV[3], 'messageId', ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
return 3

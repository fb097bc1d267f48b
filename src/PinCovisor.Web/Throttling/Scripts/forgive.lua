local over = 0
for i = 1, #KEYS do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count > 0 then
    count = redis.call('DECR', KEYS[i])
  end
  if ARGV[i * 3] == 'f' and count >= tonumber(ARGV[i * 3 - 2]) then
    over = 1
  end
end
return over

local value = redis.call('GET', KEYS[1])
if not value then
  return 0
end
local space = string.find(value, ' ', 1, true)
if not space or string.sub(value, 1, space - 1) ~= ARGV[1] then
  return 0
end
if tonumber(string.sub(value, space + 1)) <= tonumber(ARGV[2]) then
  return 0
end
redis.call('DEL', KEYS[1])
return 1

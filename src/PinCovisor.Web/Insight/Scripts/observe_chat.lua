-- Marks what a chat line is the first of, in one step on the session's insight hash.
-- KEYS[1] the session's marker hash.
-- ARGV[1] the author's role ('customer' or 'agent'), ARGV[2] the line's time (Unix ms),
-- ARGV[3] the agent (agent lines), ARGV[4] how long the markers live (ms).
-- Returns {1 if this is the session's first line, 1 if this is its first agent's first line,
-- the time of the customer's first line ('' if none yet), 1 if this is the first answer to it}.
local first = redis.call('HSETNX', KEYS[1], 'first', ARGV[2])
local agent, asked, answered = 0, '', 0
if ARGV[1] == 'customer' then
  redis.call('HSETNX', KEYS[1], 'customer', ARGV[2])
else
  agent = redis.call('HSETNX', KEYS[1], 'agent', ARGV[3])
  local customer = redis.call('HGET', KEYS[1], 'customer')
  if customer then
    asked = customer
    answered = redis.call('HSETNX', KEYS[1], 'answered', ARGV[2])
  end
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {first, agent, asked, answered}

-- Binds an agent to a known call that has not ended. A binding leg (the agent's own call leg, on
-- which Twilio fetched the whisper or that dequeued the caller) binds the call once: Twilio asks
-- once per leg, so the same leg again is a retry or a replay of a signed request, and it changes
-- nothing, even when another agent has taken over since. The legs are fields of the record itself,
-- so they live and expire with it.
-- KEYS[1] the call's record   pb:{call:CA…}:call
-- ARGV[1] agent id   ARGV[2] TTL (ms)   ARGV[3] the binding leg's CallSid ('' for a claim by PIN)
-- ARGV[4] now (Unix ms): an answer is news of the call, so it counts as a move (see end_quiet.lua)
-- Returns nil for an unknown call (nothing is created), else {outcome, field, value, ...} with
-- outcome 'bound' (the agent is the call's answering agent now), 'repeated' (this leg bound the
-- call before) or 'over' (the call has ended).
if redis.call('EXISTS', KEYS[1]) == 0 then
  return false
end

local outcome = 'bound'
if redis.call('HEXISTS', KEYS[1], 'ended') == 1 then
  outcome = 'over'
elseif ARGV[3] ~= '' and redis.call('HSETNX', KEYS[1], 'leg:' .. ARGV[3], ARGV[1]) == 0 then
  outcome = 'repeated'
else
  redis.call('HSET', KEYS[1], 'agent', ARGV[1], 'moved', ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end

local record = redis.call('HGETALL', KEYS[1])
table.insert(record, 1, outcome)
return record

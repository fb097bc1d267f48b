// The fan-out benchmark's Socket.IO peer: what a team would build for the covisor hub's relay with
// Socket.IO. One room per session, the Redis adapter (so several servers could share the sessions),
// connection-state recovery switched on, and each relayed message numbered and kept in a bounded
// per-session Redis list before it goes to the room's other members, so a member that joins late
// (or lost its socket) can replay the history from a sequence number, as the covisor hub's log does.
//
//   node server.js --redis redis://127.0.0.1:6379 [--port 0] [--history 20000]
//
// Prints "listening <port>" once it accepts connections; exits when its standard input closes.
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { createClient, defineScript } from "redis";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";

const { values: args } = parseArgs({
  options: {
    redis: { type: "string" },
    port: { type: "string", default: "0" },
    // The covisor hub's default Hub:MaxHistoryEvents.
    history: { type: "string", default: "20000" },
  },
});
if (!args.redis) {
  console.error("usage: node server.js --redis redis://HOST:PORT [--port N] [--history N]");
  process.exit(2);
}

// As the covisor hub's log: kept a day after the last message.
const historyLifetimeMs = 24 * 60 * 60 * 1000;
const replayPage = 500;

// One round trip per message: number it, keep it, trim the list to the cap, refresh the expiry.
const append = defineScript({
  NUMBER_OF_KEYS: 2,
  SCRIPT: `
    local seq = redis.call('INCR', KEYS[1])
    redis.call('RPUSH', KEYS[2], '{"seq":' .. seq .. ',' .. string.sub(ARGV[1], 2))
    redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
    redis.call('PEXPIRE', KEYS[1], ARGV[3])
    redis.call('PEXPIRE', KEYS[2], ARGV[3])
    return seq`,
  transformArguments: (counter, list, json, cap, ttl) => [counter, list, json, String(cap), String(ttl)],
  transformReply: (seq) => seq,
});

// The events after a sequence number, oldest first (at most a page), and the newest number.
const replay = defineScript({
  NUMBER_OF_KEYS: 2,
  SCRIPT: `
    local latest = tonumber(redis.call('GET', KEYS[1]) or '0')
    local length = redis.call('LLEN', KEYS[2])
    local first = latest - length + 1
    local from = math.max(0, tonumber(ARGV[1]) - first + 1)
    local events = redis.call('LRANGE', KEYS[2], from, from + tonumber(ARGV[2]) - 1)
    table.insert(events, 1, tostring(latest))
    return events`,
  transformArguments: (counter, list, since, page) => [counter, list, String(since), String(page)],
  transformReply: (reply) => reply,
});

const keys = (session) => [`sio:{${session}}:seq`, `sio:{${session}}:log`];

const store = createClient({ url: args.redis, scripts: { append, replay } });
const publisher = createClient({ url: args.redis });
const subscriber = publisher.duplicate();
await Promise.all([store.connect(), publisher.connect(), subscriber.connect()]);

const http = createServer();
const io = new Server(http, {
  serveClient: false,
  // Supplied here rather than through io.adapter(): with recovery on, the server would otherwise
  // start on its in-memory session-aware adapter.
  adapter: createAdapter(publisher, subscriber),
  connectionStateRecovery: {},
});

io.on("connection", (socket) => {
  // join: { session, since } → { latestSeq, events } (the history after `since`, oldest first).
  socket.on("join", async (request, ack) => {
    if (typeof ack !== "function") return;
    const session = request?.session;
    if (typeof session !== "string" || session === "" || !Number.isSafeInteger(request.since) || request.since < 0) {
      ack({ error: "join needs a session name and a sequence number since which to replay" });
      return;
    }
    // In the room before the history is read, so nothing relayed in between is missed (the client
    // drops what it sees twice by seq).
    socket.join(session);
    try {
      const [latest, ...events] = await store.replay(...keys(session), request.since, replayPage);
      ack({ latestSeq: Number(latest), events: events.map((e) => JSON.parse(e)) });
    } catch (e) {
      socket.leave(session);
      ack({ error: `history unavailable: ${e.message}` });
    }
  });

  // relay: (session, kind, id, payload) → seq, after the room's other members were sent the event.
  socket.on("relay", async (session, kind, id, payload, ack) => {
    if (typeof ack !== "function") return;
    if (typeof session !== "string" || !socket.rooms.has(session) || typeof kind !== "string" || typeof id !== "string") {
      ack({ error: "relay needs a joined session, a kind and an id" });
      return;
    }
    try {
      const seq = await store.append(...keys(session), JSON.stringify({ kind, id, payload }), args.history, historyLifetimeMs);
      socket.to(session).emit("event", { seq, kind, id, payload });
      ack({ seq });
    } catch (e) {
      ack({ error: `history unavailable: ${e.message}` });
    }
  });
});

http.listen(Number(args.port), "127.0.0.1", () => {
  console.log(`listening ${http.address().port}`);
});

const stop = async () => {
  io.close();
  await Promise.allSettled([store.quit(), publisher.quit(), subscriber.quit()]);
  process.exit(0);
};
process.stdin.on("end", stop);
process.stdin.resume();
process.on("SIGTERM", stop);

// The fan-out load on the Socket.IO peer, through the official client (socket.io-client): sessions
// of two members (agent, customer), each on a socket of its own over WebSocket, both joined to the
// session's room. A tenth of the sessions draw (the agent relays a stroke batch 20 times a second),
// the rest chat (the customer relays a line once a second); each sender keeps its own schedule from
// a random phase whatever the answers do (open loop). Each message's id carries its send time, and
// the other member records send → receive in microseconds. A warm-up is sent but not recorded.
//
//   node driver.js --url http://127.0.0.1:PORT --config '<json>' --out result.json
//
// The config comes from the C# harness, so both drive the same mix with the same payloads:
//   { sessions, warmUpSeconds, measureSeconds, drawingPerSecond, chatPerSecond,
//     strokePoints, strokeColor, strokeWidth, chatText, strokeKind, chatKind }
// Writes { sent, failed, received, elapsedSeconds, cpuSeconds, connectFailures, micros: [...] } to
// --out and prints "done"; on the way "connected <n>", then "measuring" and "measured" around the
// recorded part (cpuSeconds is the driver's own CPU time in it).
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import { io } from "socket.io-client";

const { values: args } = parseArgs({
  options: { url: { type: "string" }, config: { type: "string" }, out: { type: "string" } },
});
if (!args.url || !args.config || !args.out) {
  console.error("usage: node driver.js --url URL --config JSON --out FILE");
  process.exit(2);
}

const config = JSON.parse(args.config);
const run = `r${process.pid}x${Date.now()}`;
let counter = 0;
const now = () => process.hrtime.bigint();
const newId = () => `b${now()}-${++counter}`;
const sentAt = (id) => (typeof id === "string" && id[0] === "b" ? BigInt(id.slice(1, id.indexOf("-"))) : null);

let recordFrom = null;
const micros = [];
const arrived = (id) => {
  const sent = sentAt(id);
  if (sent !== null && recordFrom !== null && sent >= recordFrom) {
    micros.push(Number((now() - sent) / 1000n));
  }
};

const connect = (url) =>
  new Promise((resolve, reject) => {
    const socket = io(url, { transports: ["websocket"], forceNew: true, reconnection: false, timeout: 30_000 });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (e) => {
      socket.close();
      reject(e);
    });
  });

const join = async (socket, session) => {
  const answer = await socket.timeout(30_000).emitWithAck("join", { session, since: 0 });
  if (answer.error) throw new Error(answer.error);
};

async function connectSession(i) {
  const session = `${run}-${i}`;
  const agent = await connect(args.url);
  const customer = await connect(args.url);
  agent.on("event", (e) => e.kind === config.chatKind && arrived(e.id));
  customer.on("event", (e) => e.kind === config.strokeKind && arrived(e.id));
  await join(agent, session);
  await join(customer, session);
  const drawing = i % 10 === 0;
  const send = drawing
    ? () => {
        const id = newId();
        return agent.timeout(30_000).emitWithAck("relay", session, config.strokeKind, id,
          { strokeId: id, points: config.strokePoints, color: config.strokeColor, width: config.strokeWidth });
      }
    : () => customer.timeout(30_000).emitWithAck("relay", session, config.chatKind, newId(), config.chatText);
  return { agent, customer, drawing, send };
}

// Connects a few at a time, as the C# harness does, so set-up does not storm the server.
const pairs = [];
let connectFailures = 0;
let next = 0;
await Promise.all(Array.from({ length: 8 }, async () => {
  while (next < config.sessions) {
    const i = next++;
    try {
      pairs.push(await connectSession(i));
    } catch {
      connectFailures++;
    }
  }
}));
console.log(`connected ${pairs.length}`);

let sent = 0;
let failed = 0;
let stopped = false;
const inFlight = new Set();
const track = (promise) => {
  const tracked = promise
    .then((answer) => { if (answer?.error) failed++; })
    .catch(() => { failed++; })
    .finally(() => inFlight.delete(tracked));
  inFlight.add(tracked);
};

// Each sender keeps its phase on the clock as .NET's PeriodicTimer does for the SignalR legs: a tick
// that comes late is sent at once, and the ticks it overran are not sent (no burst to catch up).
const timers = new Set();
const start = performance.now();
for (const pair of pairs) {
  const period = 1000 / (pair.drawing ? config.drawingPerSecond : config.chatPerSecond);
  const phase = start + Math.random() * period;
  let due = phase;
  const tick = () => {
    timers.delete(timer);
    if (stopped) return;
    sent++;
    track(pair.send());
    const now = performance.now();
    due = Math.max(due + period, phase + Math.floor((now - phase) / period) * period);
    timer = setTimeout(tick, Math.max(0, due - now));
    timers.add(timer);
  };
  let timer = setTimeout(tick, phase - start);
  timers.add(timer);
}

await sleep(config.warmUpSeconds * 1000);
recordFrom = now();
const clock = now();
const cpu = process.cpuUsage();
console.log("measuring");
await sleep(config.measureSeconds * 1000);
const sentAtStop = sent;
const elapsedSeconds = Number(now() - clock) / 1e9;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
console.log("measured");
stopped = true;
timers.forEach(clearTimeout);
timers.clear();
await Promise.all(inFlight);

// Let what is in flight arrive, so the slowest messages count rather than vanish: wait until nothing
// more arrived for 200 ms (at most 2 s).
const drainStart = Date.now();
let seen = micros.length;
while (Date.now() - drainStart < 2000) {
  await sleep(200);
  if (micros.length === seen) break;
  seen = micros.length;
}

for (const pair of pairs) {
  pair.agent.close();
  pair.customer.close();
}

await writeFile(args.out, JSON.stringify({ sent: sentAtStop, failed, received: micros.length, elapsedSeconds, cpuSeconds, connectFailures, micros }));
console.log("done");

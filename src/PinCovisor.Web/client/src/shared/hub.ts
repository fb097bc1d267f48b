// The connection to /hubs/covisor with the protocol's client rules (docs/hub-protocol.md):
// per-session ordering, re-JoinSession after every reconnect, paging, reset, and the server clock.

import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection, type IRetryPolicy } from "@microsoft/signalr";
import type {
  CallTransferNotice, ConnectionState, CovisorConnection, CovisorConnectionOptions, CovisorEvent, JoinResult, PointerSignal, TypingSignal,
} from "./contracts";
import { SessionLog, type SessionListener } from "./log";
import { ApiError } from "./api";
import { lang } from "./i18n";

/** Keeps trying after a drop: quickly at first, then every ~10 s, with jitter so a host restart is not stormed. */
const reconnectPolicy: IRetryPolicy = {
  nextRetryDelayInMilliseconds: ({ previousRetryCount, retryReason }) => {
    // Refused credentials (session ended, token revoked, signed out) will not come back by retrying.
    if (/\b401\b/.test(retryReason?.message ?? "")) return null;
    const base = [0, 1000, 2000, 4000, 7000][previousRetryCount] ?? 10_000;
    return base + Math.round(Math.random() * Math.min(base, 1000) * 0.5);
  },
};

/** How long a call waits for a dropped connection to come back before failing. */
const invokeWaitMs = 15_000;
/** An event stuck behind a missing one for this long triggers a re-join to fetch the gap. */
const gapRepairMs = 2_000;

function mapState(state: HubConnectionState): ConnectionState {
  switch (state) {
    case HubConnectionState.Connected: return "connected";
    case HubConnectionState.Connecting: return "connecting";
    case HubConnectionState.Reconnecting: return "reconnecting";
    default: return "disconnected";
  }
}

/** The text after "HubException: " in the JS client's error, or a friendly fallback. */
export function humanError(error: unknown): string {
  if (error instanceof ApiError) return error.detail ?? error.title;
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  const marker = "HubException: ";
  const at = message.lastIndexOf(marker);
  if (at >= 0) return message.slice(at + marker.length).trim();
  return lang() === "es"
    ? "No hay conexión en este momento. Lo volvemos a intentar."
    : "We are not connected right now. Trying again.";
}

export function createCovisorConnection(options: CovisorConnectionOptions): CovisorConnection {
  const builder = new HubConnectionBuilder();
  const url = `${options.baseUrl}/hubs/covisor`;
  const token = options.token;
  const hub: HubConnection = (token
    ? builder.withUrl(url, { accessTokenFactory: () => token, withCredentials: false })
    : builder.withUrl(url))
    .withAutomaticReconnect(reconnectPolicy)
    .configureLogging(LogLevel.Warning)
    .build();

  const logs = new Map<string, SessionLog>();
  const anyListeners = new Set<(event: CovisorEvent) => void>();
  const typingListeners = new Set<(signal: TypingSignal) => void>();
  const pointerListeners = new Set<(signal: PointerSignal) => void>();
  const transferListeners = new Set<(notice: CallTransferNotice) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const gapTimers = new Map<string, ReturnType<typeof setTimeout>>();
  let offsetMs = 0;
  let bestRoundTrip = Number.POSITIVE_INFINITY;
  let lastState: ConnectionState = "disconnected";
  let stopped = false;

  function logOf(sessionId: string): SessionLog {
    let log = logs.get(sessionId);
    if (!log) {
      log = new SessionLog(sessionId);
      logs.set(sessionId, log);
    }
    return log;
  }

  function notifyState(): void {
    const state = mapState(hub.state);
    if (state === lastState) return;
    lastState = state;
    for (const listener of [...stateListeners]) listener(state);
  }

  function watchGap(log: SessionLog): void {
    if (!log.hasGap || log.waiting || gapTimers.has(log.sessionId)) return;
    gapTimers.set(log.sessionId, setTimeout(() => {
      gapTimers.delete(log.sessionId);
      if (log.hasGap && log.joined) void join(log).catch(() => undefined);
    }, gapRepairMs));
  }

  hub.on("SessionEvent", (event: CovisorEvent) => {
    for (const listener of [...anyListeners]) listener(event);
    const log = logs.get(event.sessionId);
    if (!log) return;
    log.offer(event, false);
    watchGap(log);
  });
  hub.on("Typing", (signal: TypingSignal) => { for (const l of [...typingListeners]) l(signal); });
  hub.on("PointerMoved", (signal: PointerSignal) => { for (const l of [...pointerListeners]) l(signal); });
  hub.on("CallTransfer", (notice: CallTransferNotice) => { for (const l of [...transferListeners]) l(notice); });
  hub.onreconnecting(() => notifyState());
  hub.onreconnected(() => {
    notifyState();
    void measureClock();
    for (const log of logs.values()) if (log.joined) void join(log).catch(error => console.warn("rejoin failed", error));
  });
  hub.onclose(() => notifyState());

  /** JoinSession with lastApplied, then page on while hasMore; returns the first page. */
  async function join(log: SessionLog): Promise<JoinResult> {
    let first: JoinResult | null = null;
    for (;;) {
      const result = await hub.invoke<JoinResult>("JoinSession", log.sessionId, log.lastApplied);
      log.waiting = result.admission !== "admitted";
      if (result.reset) log.reset();
      log.offerPage(result.events ?? []);
      first ??= result;
      if (!result.hasMore || (result.events ?? []).length === 0) break;
    }
    return first;
  }

  async function measureClock(): Promise<void> {
    bestRoundTrip = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 4; i++) {
      try {
        const sent = Date.now();
        const serverTime = await hub.invoke<string>("Clock");
        const received = Date.now();
        const roundTrip = received - sent;
        if (roundTrip < bestRoundTrip) {
          bestRoundTrip = roundTrip;
          offsetMs = Date.parse(serverTime) - (sent + received) / 2;
        }
      } catch {
        return;
      }
    }
  }

  async function whenConnected(): Promise<void> {
    if (hub.state === HubConnectionState.Connected) return;
    if (stopped) throw new Error("The connection was stopped.");
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => { unsubscribe(); reject(new Error("Not connected.")); }, invokeWaitMs);
      const unsubscribe = api.onStateChange(state => {
        if (state === "connected") { clearTimeout(timer); unsubscribe(); resolve(); }
        if (state === "disconnected" && stopped) { clearTimeout(timer); unsubscribe(); reject(new Error("The connection was stopped.")); }
      });
    });
  }

  const api: CovisorConnection = {
    get state() { return mapState(hub.state); },

    async start() {
      stopped = false;
      // The first connection has no automatic reconnect: retry a few times with the same back-off.
      for (let attempt = 0; ; attempt++) {
        try {
          notifyState();
          const starting = hub.start();
          notifyState();
          await starting;
          break;
        } catch (error) {
          notifyState();
          const unauthorised = error instanceof Error && /\b40[13]\b/.test(error.message);
          if (stopped || unauthorised || attempt >= 4) throw error;
          await new Promise(r => setTimeout(r, reconnectPolicy.nextRetryDelayInMilliseconds({ previousRetryCount: attempt + 1, elapsedMilliseconds: 0, retryReason: error as Error }) ?? 1000));
        }
      }
      notifyState();
      void measureClock();
    },

    async stop() {
      stopped = true;
      for (const timer of gapTimers.values()) clearTimeout(timer);
      gapTimers.clear();
      await hub.stop();
      notifyState();
    },

    async joinSession(sessionId) {
      const log = logOf(sessionId);
      log.joined = true;
      await whenConnected();
      return join(log);
    },

    async leaveSession(sessionId) {
      const log = logs.get(sessionId);
      if (log) log.joined = false;
      if (hub.state === HubConnectionState.Connected) await hub.invoke("LeaveSession", sessionId);
    },

    onSessionEvent(sessionId, listener: SessionListener) {
      return logOf(sessionId).subscribe(listener);
    },
    onAnyEvent(listener) { anyListeners.add(listener); return () => anyListeners.delete(listener); },
    onTyping(listener) { typingListeners.add(listener); return () => typingListeners.delete(listener); },
    onPointer(listener) { pointerListeners.add(listener); return () => pointerListeners.delete(listener); },
    onCallTransfer(listener) { transferListeners.add(listener); return () => transferListeners.delete(listener); },
    onStateChange(listener) { stateListeners.add(listener); return () => stateListeners.delete(listener); },

    lastSeq(sessionId) { return logs.get(sessionId)?.lastApplied ?? 0; },
    serverOffsetMs() { return offsetMs; },

    async invoke<T = unknown>(method: string, ...args: unknown[]): Promise<T> {
      await whenConnected();
      return hub.invoke<T>(method, ...args);
    },

    humanError,
  };
  return api;
}

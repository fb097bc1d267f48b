// One session's events in order (docs/hub-protocol.md, "Ordering"): events arrive pushed or
// replayed, possibly twice and slightly out of order; listeners see each exactly once, by seq.

import type { CovisorEvent } from "./contracts";

export type SessionListener = (event: CovisorEvent, replay: boolean) => void;

/**
 * Kind of the local event a log hands its listeners when the server's log restarted (JoinResult.reset):
 * whatever they built from earlier events is gone, and the history follows from seq 1 again.
 */
export const resetKind = "client.reset";

export class SessionLog {
  private applied = 0;
  private readonly buffer = new Map<number, { event: CovisorEvent; replay: boolean }>();
  /** What was applied, so a listener that subscribes late still sees the whole session. */
  private readonly history: CovisorEvent[] = [];
  private readonly listeners = new Set<SessionListener>();
  joined = false;
  /** In the waiting room: events reach us one by one (admission, agent, end), with holes we may not fill. */
  waiting = false;

  constructor(readonly sessionId: string) {}

  get lastApplied(): number {
    return this.applied;
  }

  /** True while an event waits for one that has not arrived yet. */
  get hasGap(): boolean {
    return this.buffer.size > 0;
  }

  subscribe(listener: SessionListener): () => void {
    this.listeners.add(listener);
    for (const event of this.history) listener(event, true);
    return () => this.listeners.delete(listener);
  }

  /** A pushed or replayed event: dropped when already applied, else buffered until its turn. */
  offer(event: CovisorEvent, replay: boolean): void {
    if (event.seq <= this.applied || this.buffer.has(event.seq)) return;
    this.buffer.set(event.seq, { event, replay });
    this.drain();
  }

  /**
   * A page JoinSession returned. It holds everything the server still has after lastApplied, so a
   * first seq that jumps means older events were trimmed from the log: they cannot come back.
   */
  offerPage(events: CovisorEvent[]): void {
    const first = events[0];
    if (first && first.seq > this.applied + 1) {
      for (const seq of [...this.buffer.keys()].filter(s => s < first.seq).sort((a, b) => a - b)) {
        this.emit(this.buffer.get(seq)!.event, this.buffer.get(seq)!.replay);
        this.buffer.delete(seq);
      }
      this.applied = Math.max(this.applied, first.seq - 1);
    }
    for (const event of events) this.offer(event, true);
  }

  /** The server's log restarted: forget everything and tell listeners to drop what they built. */
  reset(): void {
    this.applied = 0;
    this.buffer.clear();
    this.history.length = 0;
    const marker: CovisorEvent = {
      seq: 0, sessionId: this.sessionId, kind: resetKind, at: new Date().toISOString(),
      author: { role: "system", id: null, name: null }, data: {},
    };
    for (const listener of [...this.listeners]) listener(marker, true);
  }

  private drain(): void {
    for (let next = this.buffer.get(this.applied + 1); next; next = this.buffer.get(this.applied + 1)) {
      this.buffer.delete(next.event.seq);
      this.applied = next.event.seq;
      this.emit(next.event, next.replay);
    }
  }

  private emit(event: CovisorEvent, replay: boolean): void {
    this.applied = Math.max(this.applied, event.seq);
    this.history.push(event);
    for (const listener of [...this.listeners]) {
      try {
        listener(event, replay);
      } catch (error) {
        // One broken view must not stop the others (or the log) from moving on.
        console.error("covisor listener failed", error);
      }
    }
  }
}

// Receipts of one chat (docs/hub-protocol.md, chat.receipt): what this side acknowledged (delivered
// when a message arrives, read when the chat is in view), what the other side acknowledged (the
// ticks on our messages), and how many of their messages are unread.

import type { CovisorConnection } from "./contracts";

const ackDelayMs = 250;

export class Receipts {
  /** Seqs of the other side's messages. */
  private readonly theirs: number[] = [];
  private myDelivered = 0;
  private myRead = 0;
  /** Up to which seq the other side received / saw our messages. */
  theirDelivered = 0;
  theirRead = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastUnread = -1;
  private readonly listeners = new Set<(unread: number) => void>();

  constructor(
    private readonly connection: CovisorConnection,
    private readonly sessionId: string,
    /** True while the person can see the chat. */
    private readonly visible: () => boolean,
  ) {}

  get unread(): number {
    return this.theirs.filter(seq => seq > this.myRead).length;
  }

  private get theirLatest(): number {
    return this.theirs.length ? this.theirs[this.theirs.length - 1]! : 0;
  }

  onUnreadChange(listener: (unread: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A message of the other side was applied: acknowledge it soon. */
  received(seq: number): void {
    this.theirs.push(seq);
    this.schedule();
    this.emit();
  }

  /** A receipt event: ours (replayed, maybe from another device of ours) or theirs. */
  receipt(mine: boolean, upToSeq: number, state: unknown): void {
    if (mine) {
      this.myDelivered = Math.max(this.myDelivered, upToSeq);
      if (state === "read") this.myRead = Math.max(this.myRead, upToSeq);
      this.emit();
    } else {
      this.theirDelivered = Math.max(this.theirDelivered, upToSeq);
      if (state === "read") this.theirRead = Math.max(this.theirRead, upToSeq);
    }
  }

  /** The chat may have come into view: send "read" if something is unread. */
  check(): void {
    if (this.theirLatest > this.myRead) this.schedule();
  }

  reset(): void {
    this.theirs.length = 0;
    this.myDelivered = this.myRead = this.theirDelivered = this.theirRead = 0;
    this.emit();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.acknowledge();
    }, ackDelayMs);
  }

  private async acknowledge(): Promise<void> {
    const upTo = this.theirLatest;
    try {
      if (this.visible() && upTo > this.myRead) {
        this.myRead = upTo;
        this.myDelivered = Math.max(this.myDelivered, upTo);
        this.emit();
        await this.connection.invoke("Acknowledge", this.sessionId, upTo, "read");
      } else if (upTo > this.myDelivered) {
        this.myDelivered = upTo;
        await this.connection.invoke("Acknowledge", this.sessionId, upTo, "delivered");
      }
    } catch {
      // A receipt is a courtesy; the next message or a look at the chat sends a newer one.
    }
  }

  private emit(): void {
    const count = this.unread;
    if (count === this.lastUnread) return;
    this.lastUnread = count;
    for (const listener of [...this.listeners]) listener(count);
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }
}

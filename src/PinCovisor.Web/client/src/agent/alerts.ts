// Telling the agent that a customer joined or wrote while they were looking elsewhere: a system
// notification (only after the agent asked for them with a button), a short beep made with the Web
// Audio API, and the unread count in the tab's title. Nothing alerts for the session on screen.
import { h } from "../shared/dom.js";
import { onLangChange } from "../shared/i18n.js";
import { t, i18nAttrs, type Key } from "./strings.js";
import { icon } from "./icons.js";

type Listener = () => void;

export class Alerts {
  private readonly unread = new Map<string, number>();
  private readonly listeners = new Set<Listener>();
  private pendingJoiners = 0;
  private active: string | null = null;
  private audio: AudioContext | null = null;
  /** Opens a session when its notification is clicked. */
  onOpen: (sessionId: string) => void = () => {};
  /** Whether a session's chat is on screen (on a phone the lists may be covering it). */
  isOnScreen: (sessionId: string) => boolean = () => false;

  constructor() {
    // Browsers only let a page make sound after the person interacted with it.
    const unlock = () => {
      this.audio ??= new AudioContext();
      void this.audio.resume();
    };
    document.addEventListener("pointerdown", unlock, { once: true, capture: true });
    document.addEventListener("keydown", unlock, { once: true, capture: true });
    onLangChange(() => this.renderTitle());
    document.addEventListener("visibilitychange", () => this.refresh());
    this.renderTitle();
  }

  /** What is on screen changed (a session shown, the lists opened over it, the tab hidden or back). */
  refresh(): void {
    this.changed();
  }

  /** The session on screen: its messages do not ring while the page is seen. */
  setActive(sessionId: string | null): void {
    if (this.active === sessionId) return;
    this.active = sessionId;
    this.changed();
  }

  /**
   * Whether the agent is looking at this session's chat: its messages are being read (the chat's
   * read receipt follows a moment later), so they neither ring nor count as unread.
   */
  private seen(sessionId: string): boolean {
    return !document.hidden && this.active === sessionId && this.isOnScreen(sessionId);
  }

  customerJoined(sessionId: string, device: string | null): void {
    this.ring(t("notifyJoinTitle"), t("notifyJoinBody", { device: device ?? t("deviceUnknown") }), `join-${sessionId}`, sessionId);
  }

  customerWrote(sessionId: string, text: string): void {
    this.ring(t("notifyMessageTitle"), text.length > 140 ? `${text.slice(0, 139)}…` : text, `chat-${sessionId}`, sessionId);
  }

  setPendingJoiners(count: number): void {
    if (count === this.pendingJoiners) return;
    this.pendingJoiners = count;
    this.changed();
  }

  unreadOf(sessionId: string): number {
    return this.seen(sessionId) ? 0 : this.unread.get(sessionId) ?? 0;
  }

  /** Messages of a session the agent has not seen yet (the chat panel counts them from receipts). */
  setUnread(sessionId: string, count: number): void {
    if ((this.unread.get(sessionId) ?? 0) === count) return;
    if (count > 0) this.unread.set(sessionId, count);
    else this.unread.delete(sessionId);
    this.changed();
  }

  forget(sessionId: string): void {
    this.unread.delete(sessionId);
    this.changed();
  }

  /** Unread messages plus people waiting to be let in. */
  total(): number {
    let sum = this.pendingJoiners;
    for (const id of this.unread.keys()) sum += this.unreadOf(id);
    return sum;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The button that asks for notification permission (asking on load is refused by browsers and resented by people). */
  permissionButton(): HTMLButtonElement {
    const button = h("button", { type: "button", class: "icon-button", "data-testid": "agent-notifications" });
    const render = () => {
      const state = typeof Notification === "undefined" ? "denied" : Notification.permission;
      const key: Key = state === "granted" ? "notificationsOn" : state === "denied" ? "notificationsBlocked" : "enableNotifications";
      button.replaceChildren(bell(state === "granted"), h("span", { class: "visually-hidden" }, t(key)));
      for (const [name, value] of Object.entries(i18nAttrs({ title: key }))) button.setAttribute(name, value);
      button.setAttribute("aria-pressed", String(state === "granted"));
      button.disabled = state === "denied";
    };
    button.addEventListener("click", async () => {
      if (typeof Notification === "undefined") return;
      if (Notification.permission === "default") await Notification.requestPermission();
      render();
      this.beep();
    });
    onLangChange(render);
    render();
    return button;
  }

  /** Sound, and a system notification while the page is hidden; nothing for what is on screen. */
  private ring(title: string, body: string, tag: string, sessionId: string): void {
    if (this.seen(sessionId)) return;
    this.beep();
    if (!document.hidden || typeof Notification === "undefined" || Notification.permission !== "granted") return;
    try {
      const notification = new Notification(title, { body, tag, icon: "/agent/icon-192.png", lang: document.documentElement.lang });
      notification.addEventListener("click", () => {
        window.focus();
        this.onOpen(sessionId);
        notification.close();
      });
    } catch {
      // Some mobile browsers only notify from a service worker; the sound and the title still tell.
    }
  }

  /** Two short rising tones, quiet enough to hear over a call without startling. */
  private beep(): void {
    const audio = this.audio;
    if (!audio || audio.state !== "running") return;
    const start = audio.currentTime + 0.01;
    for (const [offset, frequency] of [[0, 880], [0.14, 1320]] as const) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = "sine";
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.18, start + offset + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.12);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.13);
    }
  }

  private changed(): void {
    this.renderTitle();
    for (const listener of this.listeners) listener();
  }

  private renderTitle(): void {
    const count = this.total();
    document.title = count > 0 ? `(${count}) ${t("appTitle")}` : t("appTitle");
  }
}

function bell(on: boolean): SVGSVGElement {
  return icon(on ? "bellOn" : "bell");
}

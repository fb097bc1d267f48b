// The agent's open sessions: the list, the waiting room across them, and the session workspaces
// the agent follows (several at once; one on screen). Sessions are polled and refreshed on hub news
// from the agent's own channel (participant.joined, agent.changed).
import { api } from "../shared/api.js";
import { h, replaceChildrenIfChanged } from "../shared/dom.js";
import { formatTime, onLangChange } from "../shared/i18n.js";
import type { CovisorConnection, CovisorEvent } from "../shared/contracts.js";
import type { AgentSession, Me, Participant } from "./types.js";
import type { Alerts } from "./alerts.js";
import type { CallBoard } from "./calls.js";
import { poll, type Poller } from "./poll.js";
import { t } from "./strings.js";
import { panel, empty, say, errorText, button, type Panel } from "./ui.js";
import { icon } from "./icons.js";
import { Workspace } from "./workspace.js";

/** Sessions followed without being opened, at most (each keeps a viewer and a chat alive). */
const maxFollowed = 8;

export interface DeskOptions {
  me: Me;
  connection: CovisorConnection;
  alerts: Alerts;
  stage: HTMLElement;
  /** Called when a session is put on screen (narrow screens then leave the navigation). */
  onShow: (sessionId: string | null) => void;
}

export class Desk {
  readonly sessionsPanel: Panel;
  readonly waitingPanel: Panel;
  readonly poller: Poller;
  calls: CallBoard | null = null;
  private sessions: AgentSession[] = [];
  /** WhatsApp and SMS conversations nobody is in charge of yet (GET /api/conversations/waiting). */
  private conversations: AgentSession[] = [];
  private loaded = false;
  private readonly workspaces = new Map<string, Workspace>();
  private active: string | null = null;
  private readonly emptyStage: HTMLElement;
  private readonly sessionList = h("ul", { class: "list" });
  private readonly waitingList = h("ul", { class: "list" });
  /** Participants already announced, so a poll does not ring again for the same person. */
  private readonly announced = new Set<string>();
  /** Sessions the agent stopped following; they are not followed again by themselves. */
  private readonly dismissed = new Set<string>();
  /** Sessions the agent opened themselves; followed until closed. */
  private readonly opened = new Set<string>();

  constructor(private readonly options: DeskOptions) {
    this.sessionsPanel = panel("agent-sessions-panel", "sessions", "chat", "agent-sessions");
    this.waitingPanel = panel("agent-waiting-panel", "waitingRoom", "person", "agent-waiting");
    this.sessionsPanel.body.append(this.sessionList);
    this.waitingPanel.body.append(this.waitingList);
    this.emptyStage = h("div", { class: "stage-empty" },
      h("img", { src: "/agent/icon.svg", alt: "", width: 72, height: 72 }),
      h("h2", { "data-i18n": "emptyTitle" }, t("emptyTitle")),
      h("p", { "data-i18n": "emptyLead" }, t("emptyLead")));
    options.stage.append(this.emptyStage);
    options.alerts.onOpen = id => this.open(id);
    options.alerts.isOnScreen = id => this.active === id && (this.workspaces.get(id)?.onScreen() ?? false);
    options.alerts.onChange(() => this.renderSessions());
    options.connection.onAnyEvent(event => this.onHubEvent(event));
    options.connection.onStateChange(state => {
      if (state === "connected") this.poller.refresh();
    });
    this.poller = poll(() => this.load(), 5000);
    onLangChange(() => this.render());
  }

  /** The session of a call, if the agent has one open. */
  sessionOfCall(callSid: string): string | undefined {
    return this.sessions.find(s => s.callSid === callSid)?.id;
  }

  /** Follows a session and puts it on screen. */
  open(sessionId: string): void {
    this.dismissed.delete(sessionId);
    this.opened.add(sessionId);
    this.follow(sessionId);
    this.show(sessionId);
    if (!this.sessions.some(s => s.id === sessionId)) this.poller.refresh();
  }

  /** Joins a session without showing it, so its messages count as unread and alert. */
  private follow(sessionId: string): void {
    let workspace = this.workspaces.get(sessionId);
    if (!workspace) {
      const session = this.sessions.find(s => s.id === sessionId) ?? placeholder(sessionId, this.options.me.username);
      workspace = new Workspace({
        session,
        me: this.options.me,
        connection: this.options.connection,
        alerts: this.options.alerts,
        calls: this.calls,
        onGone: () => this.poller.refresh(),
        onClose: () => this.close(sessionId),
        admit: (participant, admit) => this.decide(sessionId, participant, admit),
      });
      this.workspaces.set(sessionId, workspace);
      void workspace.start();
    }
  }

  /** Stops following a session. */
  close(sessionId: string): void {
    this.dismissed.add(sessionId);
    this.opened.delete(sessionId);
    this.unfollow(sessionId);
    if (this.active === sessionId) this.show(null);
    this.renderSessions();
  }

  private unfollow(sessionId: string): void {
    this.workspaces.get(sessionId)?.destroy();
    this.workspaces.delete(sessionId);
    this.options.alerts.forget(sessionId);
  }

  private show(sessionId: string | null): void {
    this.active = sessionId;
    // Only the session on screen is in the document: the others live on detached, so the page
    // holds one viewer and one chat (and their ids) at a time.
    for (const [id, workspace] of this.workspaces) {
      if (id === sessionId) {
        if (!workspace.element.isConnected) this.options.stage.append(workspace.element);
        workspace.setVisible(true);
      } else {
        workspace.setVisible(false); // first: it holds the video still before it leaves the page
        workspace.element.remove();
      }
    }
    this.emptyStage.hidden = sessionId !== null;
    this.options.alerts.setActive(sessionId);
    this.options.onShow(sessionId);
    this.renderSessions();
  }

  async decide(sessionId: string, participantId: string, admit: boolean): Promise<void> {
    const verb = admit ? "admit" : "reject";
    try {
      await api(`/api/sessions/${encodeURIComponent(sessionId)}/participants/${encodeURIComponent(participantId)}/${verb}`, { method: "POST" });
      say(t(admit ? "admitted" : "rejected"));
      if (admit) this.open(sessionId);
    } catch (error) {
      say(errorText(error), "error");
    }
    this.poller.refresh();
  }

  private async load(): Promise<void> {
    const [all, conversations] = await Promise.all([
      api<AgentSession[]>("/api/sessions"),
      api<AgentSession[]>("/api/conversations/waiting").catch(() => this.conversations),
    ]);
    this.conversations = conversations;
    // A session whose every device was turned away has nobody to help: it leaves the lists (its
    // call stays under Calls, where the agent can give the caller a new code), and comes back
    // when someone joins it again.
    this.sessions = all.filter(s => !turnedAway(s) || this.workspaces.has(s.id));
    this.loaded = true;
    const open = new Set(all.map(s => s.id));
    // Sessions with a customer in them are followed whichever device let them in (a WhatsApp or
    // SMS conversation always has one): the newest few, besides those the agent opened. Older ones
    // followed this way make room.
    const wanted = new Set([...this.sessions]
      .filter(s => (s.origin === "whatsapp" || s.origin === "sms" || s.participants.some(p => p.admission === "admitted"))
        && !this.dismissed.has(s.id))
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
      .slice(0, maxFollowed)
      .map(s => s.id));
    for (const id of [...this.workspaces.keys()]) {
      if (!wanted.has(id) && !this.opened.has(id) && id !== this.active && open.has(id)) this.unfollow(id);
    }
    for (const id of wanted) this.follow(id);
    for (const session of this.sessions) {
      this.workspaces.get(session.id)?.update(session);
      for (const p of session.participants) {
        const key = `${session.id}/${p.id}`;
        if (p.admission === "pending" && !this.announced.has(key)) {
          this.announced.add(key);
          this.options.alerts.customerJoined(session.id, p.device);
        }
      }
    }
    // A session that left the list (ended, transferred) stays on screen until closed, marked gone.
    for (const [id, workspace] of this.workspaces) if (!open.has(id)) workspace.markGone();
    this.render();
  }

  private onHubEvent(event: CovisorEvent): void {
    switch (event.kind) {
      case "participant.joined":
        if (event.data.admission === "pending") {
          const key = `${event.sessionId}/${String(event.data.participantId)}`;
          if (!this.announced.has(key)) {
            this.announced.add(key);
            this.options.alerts.customerJoined(event.sessionId, typeof event.data.device === "string" ? event.data.device : null);
          }
        }
        this.poller.refresh();
        this.calls?.poller.refresh();
        break;
      case "participant.admission":
      case "agent.changed":
      case "session.ended":
      case "call.status":
        this.poller.refresh();
        this.calls?.poller.refresh();
        break;
      default:
        break;
    }
  }

  private render(): void {
    this.renderWaiting();
    this.renderSessions();
  }

  private renderWaiting(): void {
    // A caller who hung up while waiting has been told the call ended: nobody is left to let in.
    const pending = this.sessions.filter(s => !s.callEndedAt)
      .flatMap(s => s.participants.filter(p => p.admission === "pending").map(p => ({ session: s, participant: p })));
    this.waitingPanel.setCount(pending.length + this.conversations.length);
    this.options.alerts.setPendingJoiners(pending.length + this.conversations.length);
    if (!this.loaded) return;
    if (pending.length === 0 && this.conversations.length === 0) {
      this.waitingList.replaceChildren(h("li", null, empty("waitingEmpty")));
      return;
    }
    replaceChildrenIfChanged(this.waitingList,
      ...this.conversations.map(session => this.conversationEntry(session)),
      ...pending.map(({ session, participant }) => this.waitingEntry(session, participant)));
  }

  /** A WhatsApp or SMS conversation nobody has taken: the first agent to take it is in charge. */
  private conversationEntry(session: AgentSession): HTMLElement {
    const take = button("take", "check", { class: "primary small", "data-testid": "agent-take-conversation" });
    take.addEventListener("click", () => {
      take.disabled = true;
      void api(`/api/conversations/${encodeURIComponent(session.id)}/take`, { method: "POST" })
        .then(() => { say(t("taken")); this.open(session.id); }, error => say(errorText(error), "error"))
        .finally(() => this.poller.refresh());
    });
    return h("li", { class: "item waiting", "data-testid": "agent-waiting-conversation", "data-session-id": session.id },
      h("div", { class: "item-main" },
        h("span", { class: "item-title" }, icon("chat", 16), this.sessionLabel(session)),
        h("span", { class: "item-sub" }, t("waitingSince", { time: formatTime(session.createdAt) }))),
      h("div", { class: "item-actions" }, take));
  }

  private waitingEntry(session: AgentSession, participant: Participant): HTMLElement {
    const admit = button("admit", "check", { class: "primary small", "data-testid": "agent-admit" });
    const reject = button("reject", "close", { class: "secondary small", "data-testid": "agent-reject" });
    admit.addEventListener("click", () => { admit.disabled = reject.disabled = true; void this.decide(session.id, participant.id, true); });
    reject.addEventListener("click", () => { admit.disabled = reject.disabled = true; void this.decide(session.id, participant.id, false); });
    return h("li", { class: "item waiting", "data-testid": "agent-waiting-entry", "data-session-id": session.id, "data-participant-id": participant.id },
      h("div", { class: "item-main" },
        h("span", { class: "item-title" }, icon("person", 16), participant.device ?? t("deviceUnknown")),
        h("span", { class: "item-sub" }, this.sessionLabel(session), " · ", t("waitingSince", { time: formatTime(participant.joinedAt) }))),
      h("div", { class: "item-actions" }, reject, admit));
  }

  /** "+34 6•• ••• 222" for a call whose number is known (the icon says it is a call), else words. */
  private sessionLabel(session: AgentSession): string {
    if (session.origin === "web") return t("sessionFromWeb");
    if (session.origin === "whatsapp" || session.origin === "sms") {
      const label = t(session.origin === "whatsapp" ? "sessionFromWhatsApp" : "sessionFromSms", { number: session.maskedFrom ?? "" }).trim();
      return session.customerName ? `${label} · ${session.customerName}` : label;
    }
    return session.maskedFrom ?? this.calls?.numberOf(session.callSid) ?? t("sessionFromCall", { number: "" }).trim();
  }

  /** The live calls changed: session names and call states follow. */
  callsChanged(): void {
    for (const workspace of this.workspaces.values()) workspace.refresh();
    this.renderSessions();
  }

  renderSessions(): void {
    this.sessionsPanel.setCount(this.sessions.length);
    if (!this.loaded) return;
    if (this.sessions.length === 0) {
      this.sessionList.replaceChildren(h("li", null, empty("sessionsEmpty")));
      return;
    }
    replaceChildrenIfChanged(this.sessionList, ...this.sessions.map(session => {
      const unread = this.options.alerts.unreadOf(session.id);
      const pending = session.participants.filter(p => p.admission === "pending").length;
      const devices = session.participants.filter(p => p.admission === "admitted").map(p => p.device ?? t("deviceUnknown"));
      const current = session.id === this.active;
      const item = h("button", {
        type: "button", class: "item session", "data-testid": "agent-session", "data-session-id": session.id,
        "aria-current": current ? "true" : null, "data-followed": this.workspaces.has(session.id) ? "" : null,
      },
        h("span", { class: "item-main" },
          h("span", { class: "item-title" }, icon(session.origin === "call" ? "phone" : session.origin === "web" ? "eye" : "chat", 16), this.sessionLabel(session),
            session.callEndedAt ? h("span", { class: "chip status-completed", "data-testid": "agent-session-call-ended" }, t("callEndedChip")) : null),
          h("span", { class: "item-sub" }, devices.length ? devices.join(", ") : t("noDevices"), " · ", formatTime(session.createdAt))),
        h("span", { class: "badges" },
          pending ? h("span", { class: "badge warn", title: t("pendingCount", { count: pending }) }, String(pending),
            h("span", { class: "visually-hidden" }, ` ${t("pendingCount", { count: pending })}`)) : null,
          unread ? h("span", { class: "badge", "data-testid": "agent-session-unread" }, String(unread),
            h("span", { class: "visually-hidden" }, ` ${t("unreadCount", { count: unread })}`)) : null));
      item.addEventListener("click", () => this.open(session.id));
      return h("li", null, item);
    }));
  }
}

function turnedAway(session: AgentSession): boolean {
  return session.participants.length > 0 && session.participants.every(p => p.admission === "rejected");
}

function placeholder(id: string, agent: string): AgentSession {
  return { id, origin: "web", callSid: null, agent, createdAt: new Date().toISOString(), callEndedAt: null, participants: [], maskedFrom: null };
}


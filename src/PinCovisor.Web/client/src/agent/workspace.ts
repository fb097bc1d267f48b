// One session on the agent's screen: its call, the customer's devices, the shared viewer and the
// chat (the covisor core), and the agent's tools: catalog, video, drawing, transfer, end, transcript.
import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { formatTime, onLangChange } from "../shared/i18n.js";
import type { ChatPanel, CovisorConnection, CovisorEvent, CovisorView } from "../shared/contracts.js";
import { createCovisorView } from "../shared/viewer.js";
import { createChatPanel } from "../shared/chat.js";
import { attachButton, type AttachButton } from "./attach.js";
import type { AgentPresence, AgentSession, Me, Participant } from "./types.js";
import type { Alerts } from "./alerts.js";
import type { CallBoard } from "./calls.js";
import { CannedSuggestions } from "./canned.js";
import { catalogBox, videoBox, type ShareActions } from "./share.js";
import { callBackBox, type CallBackBox } from "./callback.js";
import { escalateBox, type EscalateBox } from "./escalate.js";
import { windowBox, type WindowBox } from "./window.js";
import { orderBox, type OrderBox } from "./orders.js";
import { T, t, callStatusText, i18nAttrs } from "./strings.js";
import { button, confirmDialog, errorText, say } from "./ui.js";
import { icon } from "./icons.js";

export interface WorkspaceOptions {
  session: AgentSession;
  me: Me;
  connection: CovisorConnection;
  alerts: Alerts;
  calls: CallBoard | null;
  /** The session changed hands or ended: the list needs a refresh. */
  onGone: () => void;
  onClose: () => void;
  admit: (participantId: string, admit: boolean) => Promise<void>;
}

type Phase = "open" | "ended" | "transferred";

export class Workspace {
  readonly element: HTMLElement;
  private session: AgentSession;
  private view: CovisorView | null = null;
  private chat: ChatPanel | null = null;
  /** The paperclip of a WhatsApp or SMS conversation's chat box. */
  private attach: AttachButton | null = null;
  private readonly canned: CannedSuggestions;
  private readonly unsubscribe: (() => void)[] = [];
  private callStatus: string | null = null;
  private phase: Phase = "open";
  private joined = false;
  private newAgent = "";
  /** The agent a transfer of this session's call is ringing, until they take it or it comes back. */
  private ringing: string | null = null;
  private readonly transferButton: HTMLButtonElement;
  private readonly title = h("h2", { class: "ws-title-text" });
  private readonly status = h("span", { class: "chip", "data-testid": "agent-call-status" });
  private readonly banner = h("p", { class: "ws-banner", role: "status", hidden: true });
  private readonly devices = h("ul", { class: "devices" });
  private readonly visual = h("div", { class: "ws-visual" });
  private readonly chatSlot = h("div", { class: "ws-chat" });
  private readonly actions: HTMLButtonElement[] = [];
  private readonly callBack: CallBackBox;
  private readonly orders: OrderBox;
  private readonly escalate: EscalateBox | null;
  /** WhatsApp's 24-hour window and the templates, for WhatsApp conversations. */
  private readonly window: WindowBox | null;
  /** On screen (in the page and not hidden); off screen the shared video's player is held still. */
  private shown = false;
  /** Pauses the console made itself whose events are still to come (they fire a moment later). */
  private ownPauses = 0;

  constructor(private readonly options: WorkspaceOptions) {
    this.session = options.session;
    const id = this.session.id;
    this.canned = new CannedSuggestions(id);

    const transfer = button("transfer", "transfer", { class: "secondary", "data-testid": "agent-transfer" });
    transfer.addEventListener("click", () => void this.transfer());
    this.transferButton = transfer;
    const end = button("endSession", "stop", { class: "danger", "data-testid": "agent-end-session" });
    end.addEventListener("click", () => void this.end());
    this.actions.push(transfer, end);
    const base = `/api/sessions/${encodeURIComponent(id)}/transcript`;
    const csv = h("a", { class: "button secondary", href: `${base}?format=csv`, download: `transcript-${id}.csv`, "data-testid": "agent-transcript",
      ...i18nAttrs({ "aria-label": "transcriptCsvLabel", title: "transcriptCsvLabel" }) }, icon("download", 18), "CSV");
    const json = h("a", { class: "button secondary", href: `${base}?format=json`, download: `transcript-${id}.json`, "data-testid": "agent-transcript-json",
      ...i18nAttrs({ "aria-label": "transcriptJsonLabel", title: "transcriptJsonLabel" }) }, "JSON");
    const close = h("button", { type: "button", class: "icon-button", "data-testid": "agent-close-session", ...i18nAttrs({ "aria-label": "closeSessionLabel", title: "closeSessionLabel" }) }, icon("close"));
    close.addEventListener("click", () => options.onClose());

    const head = h("header", { class: "ws-head" },
      h("div", { class: "ws-title" }, this.title, this.status),
      h("div", { class: "ws-actions" }, transfer, csv, json, end, close));

    const share: ShareActions = {
      product: productId => this.invoke("ShareProduct", productId),
      image: productId => this.invoke("ShareImage", { productId }),
      video: async videoId => { await this.view?.loadVideo(videoId); },
    };
    // Subscribed before the join, so the history's request reaches it.
    this.callBack = callBackBox(options.connection, id);
    this.unsubscribe.push(() => this.callBack.destroy());
    this.escalate = escalateBox(options.connection, id, this.session.origin);
    if (this.escalate) this.unsubscribe.push(this.escalate.destroy);
    this.window = windowBox(options.connection, id, this.session.origin, () => this.lockFreeText());
    if (this.window) this.unsubscribe.push(this.window.destroy);
    this.window?.update(this.session.windowClosesAt);
    // Order marks are clicked in the chat, which is built later inside chatSlot.
    const orders = orderBox(options.connection, id, this.chatSlot);
    this.orders = orders;
    this.unsubscribe.push(orders.destroy);
    const tools = h("div", { class: "ws-tools" },
      orders.element,
      this.escalate?.element ?? null,
      this.callBack.element,
      catalogBox(id, share),
      videoBox(id, share),
      h("section", { class: "tool devices-box", "aria-labelledby": `devices-${id}` },
        h("h3", { id: `devices-${id}`, class: "tool-title" }, icon("person", 16), T("devices")),
        this.devices));

    this.element = h("article", { class: "workspace", "data-session-id": id, "aria-labelledby": `ws-${id}`, hidden: true },
      head, this.banner, h("div", { class: "ws-body" }, this.visual, this.chatSlot, tools));
    this.title.id = `ws-${id}`;
    this.unsubscribe.push(onLangChange(() => this.render()));
    this.unsubscribe.push(options.connection.onCallTransfer(notice => {
      if (notice.sessionId !== id || notice.state !== "unanswered") return;
      this.setRinging(null);
      say(t("transferUnanswered", { name: notice.to.displayName }), "error");
    }));
    this.render();
  }

  /** Creates the viewer and chat, then joins: their listeners must exist before the history is replayed. */
  async start(): Promise<void> {
    const { connection } = this.options;
    const sessionId = this.session.id;
    this.view = createCovisorView({ connection, sessionId, baseUrl: "", token: null, role: "agent" });
    this.chat = createChatPanel({ connection, sessionId, role: "agent", onInputKeyDown: this.canned.keydown });
    this.canned.attach(this.chat);
    this.attach = attachButton(connection, sessionId, this.session.origin, this.chat);
    if (this.attach) this.unsubscribe.push(this.attach.destroy);
    const chat = this.chat;
    this.unsubscribe.push(chat.onUnreadChange(count => this.options.alerts.setUnread(sessionId, count)));
    // The viewer tells the session what the person does with the video's player; the console's own
    // pause of a session off screen (or being closed) is not theirs, so it is kept from the viewer
    // and the customer's video goes on. A capture listener on the player runs before the viewer's.
    const video = this.view.element.querySelector<HTMLVideoElement>("video");
    for (const type of ["play", "pause"]) {
      video?.addEventListener(type, event => {
        const own = type === "pause" && this.ownPauses > 0;
        if (own) this.ownPauses--;
        if (own || !this.shown) event.stopImmediatePropagation();
      }, { capture: true });
    }
    this.holdVideo(!this.shown);
    this.visual.append(this.view.element);
    this.chatSlot.append(...(this.window ? [this.window.element] : []), this.chat.element, this.canned.element);
    this.lockFreeText();
    this.unsubscribe.push(connection.onSessionEvent(sessionId, (event, replay) => this.apply(event, replay)));
    // The connection rejoins after its own reconnects; a join that failed before it ever connected
    // (or after it was started again) is tried again here.
    this.unsubscribe.push(connection.onStateChange(state => {
      if (state === "connected" && !this.joined) void this.join();
    }));
    await this.join();
  }

  private async join(): Promise<void> {
    try {
      const result = await this.options.connection.joinSession(this.session.id);
      this.joined = true;
      // Read after the history: as fresh as any call.status event it replayed.
      if (result.call) {
        this.callStatus = result.call.status;
        this.render();
      }
    } catch (error) {
      if (this.options.connection.state === "connected") this.showBanner(this.options.connection.humanError(error));
    }
  }

  update(session: AgentSession): void {
    this.session = session;
    this.window?.update(session.windowClosesAt);
    this.render();
  }

  /** The live calls were read again (the caller's number, the call's status). */
  refresh(): void {
    this.render();
  }

  /** The session left the agent's list: ended elsewhere or handed over. */
  markGone(): void {
    if (this.phase === "open") this.setPhase("ended");
  }

  /** Call with false before taking the session out of the page, true once it is back in. */
  setVisible(visible: boolean): void {
    this.shown = visible;
    this.element.hidden = !visible;
    this.holdVideo(!visible);
  }

  /** Whether the agent can see this session's chat right now. */
  onScreen(): boolean {
    return this.shown && this.element.isConnected && this.element.getClientRects().length > 0;
  }

  /**
   * A session off screen lives on detached, where a playing video would still be heard and nobody
   * could stop it: its player is paused here, and play() refused while it is away (so the viewer's
   * sync loop cannot start it again). The viewer keeps following the session's video state all the
   * while; back on screen its loop puts the player where that latest state says, playing or not.
   */
  private holdVideo(hold: boolean): void {
    const video = this.view?.element.querySelector<HTMLVideoElement>("video");
    if (!video) return;
    if (hold) {
      // An own property over HTMLMediaElement.prototype.play; refused the way an interrupted play is.
      video.play = () => Promise.reject(new DOMException("The session is not on screen.", "AbortError"));
      if (!video.paused) {
        this.ownPauses++;
        video.pause();
      }
    } else {
      Reflect.deleteProperty(video, "play");
    }
  }

  destroy(): void {
    // Closing the session here pauses its player, which is not a pause for the customer.
    this.shown = false;
    this.holdVideo(true);
    for (const off of this.unsubscribe) off();
    this.view?.destroy();
    this.chat?.destroy();
    void this.options.connection.leaveSession(this.session.id).catch(() => undefined);
    this.element.remove();
  }

  private apply(event: CovisorEvent, replay: boolean): void {
    switch (event.kind) {
      case "chat.message":
        if (!replay && event.author.role === "customer") this.options.alerts.customerWrote(this.session.id, String(event.data.text ?? ""));
        break;
      case "call.status":
        this.callStatus = String(event.data.status ?? "");
        this.render();
        break;
      case "session.ended":
        this.setPhase("ended");
        this.options.onGone();
        break;
      case "agent.changed":
        if (event.data.agent !== this.options.me.username) {
          this.newAgent = String(event.data.displayName ?? event.data.agent ?? "");
          this.setPhase("transferred");
          this.options.onGone();
        }
        break;
      default:
        break;
    }
  }

  private setPhase(phase: Phase): void {
    this.phase = phase;
    this.element.dataset.phase = phase;
    for (const action of this.actions) action.disabled = phase !== "open";
    if (phase !== "open") this.ringing = null;
    else this.transferButton.disabled = this.ringing !== null;
    this.callBack.setEnabled(phase === "open");
    this.orders.setEnabled(phase === "open");
    this.window?.setEnabled(phase === "open");
    this.lockFreeText();
    this.render();
  }

  /** Free text (a chat line, a photo with its caption, the covisor link) goes while the session is open and, on WhatsApp, its 24-hour window too. */
  private lockFreeText(): void {
    const free = this.phase === "open" && this.window?.open !== false;
    if (this.chat) {
      this.chat.input.disabled = !free;
      const send = this.chat.element.querySelector<HTMLButtonElement>("[data-testid=pc-chat-send]");
      if (send) send.disabled = !free;
    }
    this.escalate?.setEnabled(free);
    this.attach?.setEnabled(free);
  }

  private showBanner(text: string): void {
    this.banner.textContent = text;
    this.banner.hidden = false;
  }

  private render(): void {
    const session = this.session;
    const call = this.options.calls?.find(session.callSid);
    this.title.textContent = session.origin === "call"
      ? t("sessionFromCall", { number: session.maskedFrom ?? this.options.calls?.numberOf(session.callSid) ?? "" }).trim()
      : session.origin === "whatsapp" || session.origin === "sms"
        ? t(session.origin === "whatsapp" ? "sessionFromWhatsApp" : "sessionFromSms", { number: session.maskedFrom ?? "" }).trim()
        : t("sessionFromWeb");
    // A call placed back to the customer reports its status before the session list knows of it.
    const status = session.callSid || this.callStatus ? (session.callEndedAt ? (this.callStatus ?? "completed") : (this.callStatus ?? call?.status ?? "in-progress")) : null;
    this.status.dataset.status = status ?? "none";
    this.status.className = `chip status-${status ?? "none"}`;
    this.status.replaceChildren(...(status
      ? [h("span", { class: "chip-prefix" }, `${t("callStatus")}: `), callStatusText(status)]
      : [t(session.origin === "whatsapp" || session.origin === "sms" ? "noCallMessages" : "noCall")]));
    if (this.phase === "ended") this.showBanner(t("sessionEndedBy"));
    else if (this.phase === "transferred") this.showBanner(t("transferredAway", { name: this.newAgent }));
    else if (this.ringing !== null) this.showBanner(t("transferRinging", { name: this.ringing }));
    else this.banner.hidden = true;
    if (this.phase === "open" && this.ringing !== null) this.banner.setAttribute("data-testid", "agent-transfer-ringing");
    else this.banner.removeAttribute("data-testid");
    this.renderDevices(session.participants);
  }

  private renderDevices(participants: Participant[]): void {
    const shown = participants.filter(p => p.admission !== "rejected");
    if (shown.length === 0) {
      this.devices.replaceChildren(h("li", { class: "empty" }, t("noDevices")));
      return;
    }
    this.devices.replaceChildren(...shown.map(p => {
      const state = p.admission === "pending" ? t("pending") : t("admittedState");
      const row = h("li", { class: `device ${p.admission}`, "data-participant-id": p.id },
        h("span", { class: "device-name" }, p.device ?? t("deviceUnknown")),
        h("span", { class: "device-meta" }, `${state} · ${formatTime(p.joinedAt)}`));
      if (p.admission === "pending" && this.phase === "open") {
        const admit = button("admit", "check", { class: "primary small" });
        const reject = button("reject", "close", { class: "secondary small" });
        admit.addEventListener("click", () => void this.options.admit(p.id, true));
        reject.addEventListener("click", () => void this.options.admit(p.id, false));
        row.append(h("span", { class: "item-actions" }, reject, admit));
      }
      return row;
    }));
  }

  private async invoke(method: string, ...args: unknown[]): Promise<void> {
    try {
      await this.options.connection.invoke(method, this.session.id, ...args);
    } catch (error) {
      throw new Error(this.options.connection.humanError(error));
    }
  }

  private async transfer(): Promise<void> {
    let agents: AgentPresence[];
    try {
      agents = (await api<AgentPresence[]>("/api/agents")).filter(a => a.status === "available" && a.username !== this.options.me.username);
    } catch (error) {
      say(errorText(error), "error");
      return;
    }
    const selectId = `agent-transfer-to-${this.session.id}`;
    const select = h("select", { id: selectId, class: "input", "data-testid": "agent-transfer-to", required: true },
      ...agents.map(a => h("option", { value: a.username }, a.displayName)));
    // A call in progress moves with its session (TransferCall); any other session moves alone.
    const withCall = this.callInProgress();
    const content = h("div", {},
      withCall ? h("p", { class: "hint", "data-testid": "agent-transfer-call-note" }, t("transferCallNote")) : null,
      agents.length
        ? h("div", { class: "field" }, h("label", { for: selectId }, t("transferTo")), select)
        : h("p", { class: "empty" }, t("transferNone")));
    const confirmed = await confirmDialog({
      title: withCall ? "transferCallTitle" : "transferTitle", lead: withCall ? "transferCallLead" : "transferLead",
      confirm: "transfer", testId: "agent-transfer-dialog", content,
    });
    if (!confirmed || !select.value) return;
    try {
      if (withCall) {
        const started = await this.options.connection.invoke<{ to: { displayName: string } }>("TransferCall", this.session.id, select.value);
        this.setRinging(started.to.displayName);
        say(t("transferRinging", { name: started.to.displayName }));
        return;
      }
      const to = await this.options.connection.invoke<{ username: string; displayName: string }>("TransferSession", this.session.id, select.value);
      this.newAgent = to.displayName;
      this.setPhase("transferred");
      say(t("transferDone", { name: to.displayName }));
      this.options.onGone();
    } catch (error) {
      say(this.options.connection.humanError(error), "error");
    }
  }

  private callInProgress(): boolean {
    const session = this.session;
    if (!session.callSid || session.callEndedAt) return false;
    return (this.callStatus ?? this.options.calls?.find(session.callSid)?.status ?? "in-progress") === "in-progress";
  }

  private setRinging(name: string | null): void {
    this.ringing = name;
    if (this.phase === "open") this.transferButton.disabled = name !== null;
    this.render();
  }

  private async end(): Promise<void> {
    const confirmed = await confirmDialog({ title: "endTitle", lead: "endLead", confirm: "endConfirm", danger: true, testId: "agent-end-dialog" });
    if (!confirmed) return;
    try {
      await this.options.connection.invoke("EndSession", this.session.id);
      this.setPhase("ended");
      this.options.onGone();
    } catch (error) {
      say(this.options.connection.humanError(error), "error");
    }
  }
}


// The customer's side of a call, used by /join and by the shop widget: PIN entry → joining →
// waiting room → covisor (viewer + chat) → ended; a caller who hangs up while still waiting is told
// at once that the call ended. One instance owns one hub connection at a time.

import type { CovisorConnection, CovisorEvent, CovisorView, ChatPanel } from "../shared/contracts";
import { createCovisorConnection } from "../shared/hub";
import { createCovisorView } from "../shared/viewer";
import { createChatPanel } from "../shared/chat";
import { ApiError } from "../shared/api";
import { announce, h } from "../shared/dom";
import { lang, onLangChange, setLang } from "../shared/i18n";
import { type CustomerSession, fetchSession, inviteError, joinByDevice, joinByInvite, joinByPin, joinError, loadSession, saveSession } from "./session";
import { pinForm } from "./pin";
import { type CallBackForm, createCallBackForm } from "./callback";
import { callStatusText, t } from "./text";
import { type CsatForm, createCsatForm } from "./csat";

export type CustomerState = "pin" | "joining" | "waiting" | "covisor" | "ended" | "rejected" | "call-ended";

export interface CustomerAppOptions {
  baseUrl: string;
  /** Extra controls for the header (the widget's close button). */
  headerEnd?: HTMLElement[];
  onStateChange?: (state: CustomerState) => void;
  onUnreadChange?: (unread: number) => void;
  /** False where the page around offers its own language switch (the widget's data-lang-switch="off"). */
  languageSwitch?: boolean;
}

export interface CustomerApp {
  readonly element: HTMLElement;
  readonly state: CustomerState;
  /** Resumes a remembered session, or joins with ?pin= / ?device= values, or asks for the PIN. */
  start(initial?: { pin?: string | null; device?: string | null; invite?: string | null }): void;
  /** Enters a session obtained elsewhere (a visitor invitation). */
  enter(session: CustomerSession): void;
  focus(): void;
}

const pollWaitingMs = 5000;

export function createCustomerApp(options: CustomerAppOptions): CustomerApp {
  const { baseUrl } = options;
  let state: CustomerState = "pin";
  let session: CustomerSession | null = null;
  let connection: CovisorConnection | null = null;
  let view: CovisorView | null = null;
  let chat: ChatPanel | null = null;
  let callBack: CallBackForm | null = null;
  let callStatus: { status: string; over: boolean } | null = null;
  let csat: CsatForm | null = null; // the survey of the session that just ended, while its screen shows
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  let pinValue = "";
  let pinError = "";
  let retryAt = 0; // after a 429: when the host takes codes again (epoch ms)
  let generation = 0; // bumps when a session is left, so late answers of the old one are ignored

  const title = h("h1", { class: "pc-app-title" });
  const langButton = h("button", { type: "button", class: "pc-lang", "data-testid": "pc-lang" });
  const banner = h("p", { class: "pc-banner", role: "status", hidden: true });
  const body = h("div", { class: "pc-body" });
  const element = h("div", { class: "pc-app", "data-state": state },
    h("header", { class: "pc-app-header" }, h("span", { class: "pc-logo", "aria-hidden": "true" }), title, langButton, ...(options.headerEnd ?? [])),
    banner, body);

  langButton.addEventListener("click", () => setLang(lang() === "es" ? "en" : "es"));
  langButton.hidden = options.languageSwitch === false;

  function setState(next: CustomerState): void {
    if (next !== "ended" && csat) { csat.destroy(); csat = null; }
    state = next;
    element.dataset.state = next;
    render();
    options.onStateChange?.(next);
  }

  function labelHeader(): void {
    title.textContent = t("title");
    langButton.textContent = lang() === "es" ? "English" : "Español";
    langButton.lang = lang() === "es" ? "en" : "es";
    // The visible name of the other language is the control's name (label in name); the title explains it.
    langButton.title = t("switchLang");
  }

  function agentName(): HTMLElement {
    return h("strong", { "data-testid": "pc-agent-name", class: "pc-agent-name" }, session?.agentName ?? t("anAgent"));
  }

  const statusElement = h("p", { class: "pc-call-status", "data-testid": "pc-call-status", "data-status": "", hidden: true });
  function renderCallStatus(): void {
    statusElement.hidden = !callStatus;
    statusElement.dataset.status = callStatus?.status ?? "";
    statusElement.textContent = callStatus ? callStatusText(callStatus.status) : "";
    statusElement.classList.toggle("pc-call-over", !!callStatus?.over);
  }

  function callIsOver(): boolean {
    return callStatus?.over ?? false;
  }

  function render(): void {
    labelHeader();
    renderCallStatus();
    switch (state) {
      case "pin":
        body.replaceChildren(pinForm({
          value: pinValue,
          error: pinError,
          onInput: value => { pinValue = value; },
          onSubmit: value => { pinValue = value; void joinWith(() => joinByPin(baseUrl, value)); },
          retryAt,
          onRetryOpen: () => { retryAt = 0; pinError = ""; render(); focus(); },
        }));
        break;
      case "joining":
        body.replaceChildren(h("section", { class: "pc-step pc-center", "aria-busy": "true" },
          h("span", { class: "pc-spinner", "aria-hidden": "true" }), h("p", { class: "pc-lead" }, t("joining"))));
        break;
      case "waiting":
        body.replaceChildren(h("section", { class: "pc-step pc-center pc-waiting", "data-testid": "pc-waiting" },
          h("span", { class: "pc-pulse", "aria-hidden": "true" }),
          h("h2", { class: "pc-lead" }, agentName(), t("willLetYouIn")),
          h("p", { class: "pc-muted" }, t("keepCall")), statusElement));
        break;
      case "covisor": {
        if (!view || !chat) return;
        const existing = body.querySelector(".pc-covisor");
        if (existing) {
          existing.querySelector(".pc-with")?.replaceChildren(t("with"), " ", agentName());
          return;
        }
        body.replaceChildren(h("section", { class: "pc-covisor", "data-testid": "pc-covisor" },
          h("div", { class: "pc-covisor-bar" }, h("p", { class: "pc-with" }, t("with"), " ", agentName()), statusElement),
          callBack?.element ?? null,
          h("div", { class: "pc-covisor-main" }, view.element, chat.element)));
        break;
      }
      case "ended": {
        const screen = closing("pc-session-ended", "pc-ended", "endedTitle", "endedText", true);
        if (csat) screen.insertBefore(csat.element, screen.lastElementChild);
        body.replaceChildren(screen);
        break;
      }
      case "rejected":
        body.replaceChildren(closing("pc-rejected", "pc-rejected", "rejectedTitle", "rejectedText", false));
        break;
      case "call-ended":
        // Its title already says where the call stands.
        body.replaceChildren(closing("pc-call-ended", "pc-ended", "callEndedTitle", "callEndedText", true, false));
        break;
    }
  }

  /** A last screen: what happened, what to do next, where the call stands, and a way back to the PIN. */
  function closing(testId: string, kind: string, title: "endedTitle" | "rejectedTitle" | "callEndedTitle",
    text: "endedText" | "rejectedText" | "callEndedText", done: boolean, withStatus = true): HTMLElement {
    return h("section", { class: `pc-step pc-center ${kind}`, "data-testid": testId },
      done ? h("span", { class: "pc-done-icon", "aria-hidden": "true" }, "✓") : null,
      h("h2", { class: "pc-lead" }, t(title)), h("p", { class: "pc-muted" }, t(text)), withStatus ? statusElement : null, restartButton());
  }

  function restartButton(): HTMLElement {
    const button = h("button", { type: "button", class: "pc-button pc-secondary" }, t("newCode"));
    button.addEventListener("click", () => { pinValue = ""; pinError = ""; setState("pin"); focus(); });
    return button;
  }

  async function joinWith(join: () => Promise<CustomerSession>, explain: (error: unknown) => string = joinError): Promise<void> {
    pinError = "";
    setState("joining");
    try {
      enter(await join());
    } catch (error) {
      if (error instanceof ApiError && error.status === 429) {
        // The form counts the wait down itself.
        retryAt = Date.now() + (error.retryAfterSeconds ?? 60) * 1000;
        pinError = "";
        setState("pin");
        return;
      }
      pinError = explain(error);
      setState("pin");
      announce(element, pinError);
    }
  }

  function leave(next: CustomerState): void {
    generation++;
    if (pollTimer) clearInterval(pollTimer);
    pollTimer = null;
    view?.destroy();
    chat?.destroy();
    callBack?.destroy();
    view = null;
    chat = null;
    callBack = null;
    void connection?.stop().catch(() => undefined);
    connection = null;
    session = null;
    saveSession(null);
    options.onUnreadChange?.(0);
    setState(next);
  }

  function onEvent(event: CovisorEvent): void {
    if (!session || event.sessionId !== session.sessionId) return;
    const data = event.data;
    switch (event.kind) {
      case "participant.admission":
        if (state === "waiting") {
          if (data.admission === "admitted") void admitted();
          else if (data.admission === "rejected") leave("rejected");
        }
        break;
      case "agent.changed":
        session.agentName = String(data.displayName ?? session.agentName ?? "");
        saveSession(session);
        render();
        break;
      case "call.status":
        callStatus = { status: String(data.status ?? ""), over: Boolean(data.over) };
        renderCallStatus();
        // Nobody will let a caller in once the call is over: say so now rather than when the session closes.
        if (callStatus.over && (state === "waiting" || state === "joining")) leave("call-ended");
        break;
      case "session.ended":
        // Only someone who was let in has something to rate.
        if (state === "covisor" && typeof data.csatToken === "string") {
          csat = createCsatForm(baseUrl, data.csatToken, typeof data.csatMaxComment === "number" ? data.csatMaxComment : 500);
        }
        leave("ended");
        break;
      default:
        break;
    }
  }

  async function admitted(): Promise<void> {
    if (!connection || !session || view) return;
    const mine = generation;
    session.admission = "admitted";
    saveSession(session);
    // Subscribe first: the history JoinSession returns reaches the views in order.
    view = createCovisorView({ connection, sessionId: session.sessionId, baseUrl, token: session.token, role: "customer" });
    const token = session.token;
    chat = createChatPanel({
      connection, sessionId: session.sessionId, role: "customer",
      mediaUrl: path => `${baseUrl}${path}?access_token=${encodeURIComponent(token)}`,
    });
    chat.onUnreadChange(count => options.onUnreadChange?.(count));
    callBack = createCallBackForm(connection, session.sessionId);
    connection.onSessionEvent(session.sessionId, onEvent);
    if (pollTimer) clearInterval(pollTimer);
    pollTimer = null;
    setState("covisor");
    announce(element, t("admitted"));
    try {
      await connection.joinSession(session.sessionId);
    } catch (error) {
      if (mine === generation) banner.textContent = connection?.humanError(error) ?? "";
    }
  }

  function enter(next: CustomerSession): void {
    if (connection) leave("joining");
    const mine = ++generation;
    session = next;
    callStatus = null;
    saveSession(next);
    setState("joining");
    const hub = createCovisorConnection({ baseUrl, token: next.token });
    connection = hub;
    // Until admitted, events come one by one from the waiting room; afterwards, in order from the log.
    hub.onAnyEvent(event => { if (state !== "covisor") onEvent(event); });
    hub.onStateChange(connectionState => {
      if (mine !== generation) return;
      banner.hidden = connectionState === "connected" || connectionState === "connecting";
      banner.textContent = connectionState === "reconnecting" ? t("reconnecting") : t("offline");
      if (connectionState === "disconnected") void checkGone(mine);
    });
    void (async () => {
      try {
        await hub.start();
        const result = await hub.joinSession(next.sessionId);
        if (mine !== generation) return;
        if (result.agent) next.agentName = result.agent.displayName;
        // A caller who types the PIN mid-call hears of no change: the join says where the call stands.
        if (result.call && !callIsOver()) {
          callStatus = { status: result.call.status, over: result.call.over };
          renderCallStatus();
        }
        if (result.admission === "admitted") await admitted();
        else if (result.admission === "rejected") leave("rejected");
        else if (callIsOver()) leave("call-ended");
        else {
          setState("waiting");
          pollTimer = setInterval(() => void poll(mine), pollWaitingMs);
        }
      } catch (error) {
        if (mine === generation) await checkGone(mine, error);
      }
    })();
  }

  /** The waiting room hears its admission pushed; this covers a push lost in a reconnect. */
  async function poll(mine: number): Promise<void> {
    if (!session || state !== "waiting") return;
    try {
      const fresh = await fetchSession(baseUrl, session);
      if (mine !== generation) return;
      if (fresh.agentName !== session.agentName) { session.agentName = fresh.agentName; render(); }
      if (fresh.admission === "admitted") await admitted();
      else if (fresh.admission === "rejected") leave("rejected");
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)) leave("ended");
    }
  }

  /** The connection failed or closed: find out whether the session is still ours. */
  async function checkGone(mine: number, cause?: unknown): Promise<void> {
    if (!session || mine !== generation) return;
    try {
      await fetchSession(baseUrl, session);
      if (mine !== generation) return;
      banner.hidden = false;
      banner.textContent = cause ? joinError(cause) : t("offline");
      if (state === "joining") setState("pin");
    } catch (error) {
      if (mine !== generation) return;
      if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)) leave(state === "waiting" ? "rejected" : "ended");
      else { banner.hidden = false; banner.textContent = joinError(error); }
    }
  }

  function focus(): void {
    const target = body.querySelector<HTMLElement>("[data-testid=pc-pin-input], .pc-chat-input, .pc-button");
    target?.focus();
  }

  onLangChange(() => render());
  render();

  return {
    element,
    get state() { return state; },
    start(initial) {
      const saved = loadSession();
      if (initial?.device) void joinWith(() => joinByDevice(baseUrl, initial.device!));
      else if (initial?.invite) void joinWith(() => joinByInvite(baseUrl, initial.invite!), inviteError);
      else if (saved) enter(saved);
      else if (initial?.pin) {
        pinValue = initial.pin.replace(/\D/g, "");
        void joinWith(() => joinByPin(baseUrl, pinValue));
      } else setState("pin");
    },
    enter,
    focus,
  };
}

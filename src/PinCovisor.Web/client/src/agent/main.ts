// The agent console at /agent: sign in, then calls, waiting room, sessions and visitors beside the
// session on screen. Installable (manifest + service worker at /agent/sw.js).
import { api, ApiError } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { lang } from "../shared/i18n.js";
import { createCovisorConnection } from "../shared/hub.js";
import type { CovisorConnection } from "../shared/contracts.js";
import type { Me } from "./types.js";
import { Alerts } from "./alerts.js";
import { callBoard } from "./calls.js";
import { Desk } from "./desk.js";
import { visitorBoard } from "./visitors.js";
import { loginView } from "./login.js";
import { brand } from "./chrome.js";
import { shell } from "./shell.js";
import { t } from "./strings.js";

const app = document.getElementById("app") ?? document.body;
let signingOut = false;

function show(view: HTMLElement): void {
  app.replaceChildren(view);
}

function offline(retry: () => void): HTMLElement {
  const again = h("button", { type: "button", class: "primary" }, t("retry"));
  again.addEventListener("click", retry);
  window.addEventListener("online", retry, { once: true });
  return h("main", { class: "login" }, h("div", { class: "login-card" },
    h("div", { class: "login-top" }, brand()),
    h("p", { class: "lead", role: "alert" }, t("offline")), again));
}

async function boot(): Promise<void> {
  document.documentElement.lang = lang();
  document.title = t("appTitle");
  try {
    const me = await api<Me>("/api/agents/me");
    open(me);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)) {
      show(loginView(open));
    } else {
      show(offline(() => void boot()));
    }
  }
}

function open(me: Me): void {
  const connection = createCovisorConnection({ baseUrl: "", token: null });
  const alerts = new Alerts();
  const frame = shell(me, connection, alerts, async () => {
    signingOut = true;
    try {
      await api("/api/agents/logout", { method: "POST" });
    } catch {
      // The cookie may already be gone; the page starts over either way.
    }
    await connection.stop().catch(() => undefined);
    location.reload();
  });
  const desk = new Desk({
    me,
    connection,
    alerts,
    stage: frame.stage,
    onShow: sessionId => frame.setNav(sessionId === null),
  });
  const calls = callBoard(me, id => desk.open(id), callSid => desk.sessionOfCall(callSid));
  desk.calls = calls;
  calls.onChange(() => desk.callsChanged());
  const visitors = visitorBoard(id => desk.open(id));
  frame.sidebar.append(desk.waitingPanel.element, calls.panel.element, desk.sessionsPanel.element, visitors.panel.element);
  show(frame.element);
  keepConnected(connection);
}

/**
 * Starts the hub connection and starts it again whenever it closes for good (the client's own
 * reconnecting gave up, or the first start failed), with growing pauses. A refused credential
 * means the login ended: the page starts over at the sign-in form.
 */
function keepConnected(connection: CovisorConnection): void {
  let starting = false;
  let attempt = 0;
  const start = async () => {
    if (starting || connection.state !== "disconnected") return;
    starting = true;
    try {
      await connection.start();
      attempt = 0;
    } catch {
      try {
        await api<Me>("/api/agents/me");
      } catch (error) {
        if (error instanceof ApiError && (error.status === 401 || error.status === 404)) {
          location.reload();
          return;
        }
      }
      setTimeout(() => void start(), Math.min(30_000, 1000 * 2 ** attempt++));
    } finally {
      starting = false;
    }
  };
  connection.onStateChange(state => {
    if (state === "disconnected" && !signingOut) setTimeout(() => void start(), 1000);
  });
  window.addEventListener("online", () => void start());
  void start();
}

function registerWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/agent/sw.js", { scope: "/agent" }).catch(() => undefined);
  });
}

registerWorker();
void boot();

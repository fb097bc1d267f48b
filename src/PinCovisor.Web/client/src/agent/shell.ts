// The console's frame: top bar (navigation button on narrow screens, brand, hub state, presence,
// alerts, language, sign out), the sidebar with the four lists, and the stage for sessions.
import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { onLangChange } from "../shared/i18n.js";
import type { ConnectionState, CovisorConnection } from "../shared/contracts.js";
import type { AgentPresence, Me, PresenceStatus } from "./types.js";
import type { Alerts } from "./alerts.js";
import { t, i18nAttrs, type Key } from "./strings.js";
import { errorText, say } from "./ui.js";
import { icon } from "./icons.js";
import { brand, langSwitch } from "./chrome.js";

function presenceControl(): HTMLSelectElement {
  const statuses: PresenceStatus[] = ["available", "busy", "away"];
  const select = h("select", { class: "presence input small", id: "agent-presence", "data-testid": "agent-presence", ...i18nAttrs({ "aria-label": "presence", title: "presence" }) },
    ...statuses.map(s => h("option", { value: s, "data-i18n": s as Key }, t(s as Key))));
  let current: PresenceStatus = "available";
  const show = (status: PresenceStatus) => {
    current = status;
    select.value = status;
    select.dataset.status = status;
  };
  show("available");
  select.addEventListener("change", async () => {
    const wanted = select.value as PresenceStatus;
    select.disabled = true;
    try {
      const saved = await api<AgentPresence>("/api/agents/me/presence", { method: "PUT", body: { status: wanted } });
      show(saved.status);
    } catch (error) {
      show(current);
      say(errorText(error), "error");
    } finally {
      select.disabled = false;
    }
  });
  return Object.assign(select, { show });
}

export interface Shell {
  readonly element: HTMLElement;
  readonly sidebar: HTMLElement;
  readonly stage: HTMLElement;
  /** Narrow screens: show the lists (true) or the session (false). */
  setNav(open: boolean): void;
}

export function shell(me: Me, connection: CovisorConnection, alerts: Alerts, onLogout: () => void): Shell {
  const sidebar = h("nav", { id: "agent-nav", class: "sidebar", ...i18nAttrs({ "aria-label": "menu" }) });
  const stage = h("section", { id: "agent-stage", class: "stage", tabindex: "-1", ...i18nAttrs({ "aria-label": "sessionArea" }) });
  const badge = h("span", { class: "badge menu-badge", hidden: true });
  const menu = h("button", { type: "button", class: "icon-button menu", "data-testid": "agent-menu", "aria-controls": "agent-nav", "aria-expanded": "false", ...i18nAttrs({ "aria-label": "openMenu", title: "openMenu" }) },
    icon("menu"), badge);

  const presence = presenceControl() as HTMLSelectElement & { show(status: PresenceStatus): void };
  void api<AgentPresence[]>("/api/agents").then(list => {
    const mine = list.find(a => a.username === me.username);
    if (mine) presence.show(mine.status);
  }).catch(() => undefined);

  const live = h("span", { class: "live", role: "status", "data-testid": "agent-connection" }, h("span", { class: "dot", "aria-hidden": "true" }), h("span", { class: "live-text" }));
  const showState = (state: ConnectionState) => {
    live.dataset.state = state;
    const key: Key = state;
    live.querySelector(".live-text")!.textContent = t(key);
  };
  connection.onStateChange(showState);
  showState(connection.state);
  onLangChange(() => showState(connection.state));

  const logout = h("button", { type: "button", class: "icon-button", "data-testid": "agent-logout", ...i18nAttrs({ "aria-label": "logout", title: "logout" }) }, icon("logout"));
  logout.addEventListener("click", onLogout);

  // Admins reach the insight page; its API refuses everyone else anyway.
  const insight = me.isAdmin
    ? h("a", { href: "/agent/insight", class: "secondary insight-link", "data-testid": "agent-insight-link", "data-i18n": "insight" }, t("insight"))
    : null;
  const who = h("span", { class: "who", title: me.username }, h("span", { class: "avatar", "aria-hidden": "true" }, me.displayName.slice(0, 1).toUpperCase()), h("span", { class: "who-name" }, me.displayName));

  const topbar = h("header", { class: "topbar" },
    h("h1", { class: "visually-hidden", "data-i18n": "appTitle" }, t("appTitle")),
    menu, brand(),
    h("div", { class: "topbar-tools" }, live, presence, alerts.permissionButton(), insight, langSwitch(), who, logout));
  const status = h("p", { id: "agent-status", class: "toast", role: "status", hidden: true });
  const element = h("div", { class: "console", "data-nav": "open" }, topbar, h("main", { class: "layout" }, sidebar, stage), status);

  const setNav = (open: boolean) => {
    element.dataset.nav = open ? "open" : "closed";
    menu.setAttribute("aria-expanded", String(open));
    for (const [name, value] of Object.entries(i18nAttrs({ "aria-label": open ? "closeMenu" : "openMenu", title: open ? "closeMenu" : "openMenu" }))) menu.setAttribute(name, value);
    alerts.refresh(); // the lists cover the session on narrow screens, or stop covering it
  };
  // Crossing the narrow/wide width also decides whether the lists cover the session.
  window.matchMedia("(min-width: 900px)").addEventListener("change", () => alerts.refresh());
  menu.addEventListener("click", () => {
    const open = element.dataset.nav !== "open";
    setNav(open);
    (open ? sidebar : stage).focus?.();
  });
  const showBadge = () => {
    const n = alerts.total();
    badge.textContent = String(n);
    badge.hidden = n === 0;
  };
  alerts.onChange(showBadge);
  showBadge();
  return { element, sidebar, stage, setNav };
}

// /widget.js: one script tag on a shop's page. A launcher opens the customer experience in a panel
// inside an open shadow root (the shop's CSS cannot reach it, ours cannot leak), talking to the
// PinCovisor host the script came from. It also reports page views for visitor monitoring.
//
//   <script src="https://covisor.shop.example/widget.js" data-lang="es" data-position="right" defer></script>
//
// A page with a language switch of its own sets data-lang-switch="off" and calls
// PinCovisor.setLang("es" | "en") from it; pages served by the host share the choice by themselves.

import { createCustomerApp } from "./customer/app";
import { api } from "./shared/api";
import type { components } from "./generated/rest";
import { h } from "./shared/dom";
import { lang, onLangChange, pluralTranslator, setLang, translator } from "./shared/i18n";

const words = {
  es: { launcher: "¿Hablando con nosotros por teléfono? Introduce tu código", close: "Cerrar", panel: "Sesión visual de tu llamada", "unread.one": "{count} mensaje sin leer", "unread.other": "{count} mensajes sin leer" },
  en: { launcher: "On the phone with us? Enter your code", close: "Close", panel: "Your call's visual session", "unread.one": "{count} unread message", "unread.other": "{count} unread messages" },
};
const t = translator(words);
const tn = pluralTranslator(words);

type PageViewAnswer = components["schemas"]["PageViewResponse"];

const visitorKey = "pincovisor.visitor";
const pageViewEveryMs = 10_000;

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const baseUrl = script?.src ? new URL(script.src).origin : location.origin;
  const wanted = script?.dataset.lang;
  if ((wanted === "es" || wanted === "en") && !storedLang()) setLang(wanted);
  const side = script?.dataset.position === "left" ? "left" : "right";

  const host = h("div", { id: "pincovisor-widget", "data-position": side });
  host.style.display = "none"; // until our stylesheet is in, so nothing shows unstyled
  const shadow = host.attachShadow({ mode: "open" });
  const stylesheet = h("link", { rel: "stylesheet", href: `${baseUrl}/css/widget.css` });
  stylesheet.addEventListener("load", () => { host.style.display = ""; place(); });
  stylesheet.addEventListener("error", () => { host.style.display = ""; });

  const badge = h("span", { class: "pc-badge", hidden: true, "aria-hidden": "true" });
  const launcherText = h("span", { class: "pc-launcher-text" });
  const launcher = h("button", { type: "button", class: "pc-launcher", "data-testid": "pc-launcher", "aria-expanded": "false", "aria-controls": "pc-panel" },
    h("span", { class: "pc-launcher-icon", "aria-hidden": "true" }), launcherText, badge);
  const close = h("button", { type: "button", class: "pc-close" }, h("span", { "aria-hidden": "true" }, "×"));
  const app = createCustomerApp({
    baseUrl,
    headerEnd: [close],
    languageSwitch: script?.dataset.langSwitch !== "off",
    onUnreadChange: count => {
      unread = count;
      label();
    },
  });
  const panel = h("div", { id: "pc-panel", class: "pc-panel", role: "dialog", "aria-modal": "false", hidden: true }, app.element);
  const root = h("div", { class: `pc-widget pc-side-${side}` }, launcher, panel);
  shadow.append(stylesheet, root);
  let unread = 0;

  function label(): void {
    launcherText.textContent = t("launcher");
    close.setAttribute("aria-label", t("close"));
    panel.setAttribute("aria-label", t("panel"));
    root.lang = lang();
    badge.hidden = unread === 0 || !panel.hidden;
    badge.textContent = String(unread);
    launcher.setAttribute("aria-label", unread && panel.hidden ? `${t("launcher")} (${tn("unread", unread)})` : t("launcher"));
    launcher.title = t("launcher");
    place();
  }

  function open(): void {
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute("aria-expanded", "true");
    root.classList.add("pc-open");
    label();
    app.focus();
  }

  function closePanel(): void {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    root.classList.remove("pc-open");
    label();
    place();
    launcher.focus();
  }

  // The launcher keeps clear of the page's own controls: where its full size would cover a link, a
  // button, a field or a heading of the page (or its label would not fit on one line), it shrinks to
  // its round icon, keeping its name for assistive technology and showing the label on hover.
  const pageControls = "a[href], button, input, select, textarea, label, summary, [role=button], [tabindex]:not([tabindex='-1']), h1, h2, h3";
  // Called with the launcher at its full size: samples points across its box for what lies beneath.
  function coversPage(): boolean {
    const box = launcher.getBoundingClientRect();
    if (!box.width) return false;
    for (const fx of [0.02, 0.14, 0.26, 0.38, 0.5, 0.62, 0.74, 0.86, 0.98]) {
      for (const fy of [0.05, 0.3, 0.55, 0.8, 0.95]) {
        const x = box.left + box.width * fx, y = box.top + box.height * fy;
        for (const under of document.elementsFromPoint(x, y)) {
          if (under === host || under === document.body || under === document.documentElement) continue;
          if (under.closest(pageControls)) return true;
        }
      }
    }
    return false;
  }
  let placing = 0;
  function place(): void {
    if (placing) return;
    placing = requestAnimationFrame(() => {
      placing = 0;
      if (launcher.hidden) return;
      launcher.classList.remove("pc-compact");
      const wraps = launcherText.scrollWidth > launcherText.clientWidth + 1;
      launcher.classList.toggle("pc-compact", wraps || coversPage());
    });
  }
  window.addEventListener("scroll", place, { passive: true });
  window.addEventListener("resize", place);

  launcher.addEventListener("click", open);
  close.addEventListener("click", closePanel);
  panel.addEventListener("keydown", event => {
    if (event.key === "Escape" && !(event.target instanceof HTMLElement && event.target.closest("dialog"))) closePanel();
  });
  onLangChange(label);
  label();

  function mount(): void {
    document.body.append(host);
    app.start();
    // A session already under way in this tab (the customer moved to another page of the shop) reopens.
    if (app.state !== "pin") open();
    void reportPageView();
    setInterval(() => { if (document.visibilityState === "visible") void reportPageView(); }, pageViewEveryMs);
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") void reportPageView(); });
  }

  // The first report of this page load counts a page seen; later ones only say the visitor is still here.
  let counted = false;
  async function reportPageView(retry = true): Promise<void> {
    if (!/^https?:$/.test(location.protocol)) return;
    const saved = readVisitor();
    try {
      const answer = await api<PageViewAnswer>("/api/visitors/pageview", {
        baseUrl, credentials: "omit",
        body: { visitorId: saved?.visitorId, visitorKey: saved?.visitorKey, url: location.href.slice(0, 2048), title: document.title.slice(0, 200),
          inSession: app.state === "joining" || app.state === "waiting" || app.state === "covisor", heartbeat: counted },
      });
      counted = true;
      if (answer.visitorKey) writeVisitor({ visitorId: answer.visitorId, visitorKey: answer.visitorKey });
      const invitation = answer.invitation;
      if (invitation) {
        // Pending (the waiting room, until the agent admits) unless the host admits invited visitors itself.
        app.enter({ sessionId: invitation.sessionId, token: invitation.token, agentName: invitation.agent?.displayName ?? null, admission: invitation.admission });
        open();
      }
    } catch (error) {
      // Forgotten by the server (expired): start again as a new visitor, once.
      if (retry && saved && (error as { status?: number }).status === 404) {
        writeVisitor(null);
        await reportPageView(false);
      }
    }
  }

  const chooseLang = (next: unknown): void => { if (next === "es" || next === "en") setLang(next); };
  (window as unknown as { PinCovisor: unknown }).PinCovisor = { open, close: closePanel, setLang: chooseLang };
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount, { once: true });
})();

function storedLang(): string | null {
  try {
    return localStorage.getItem("pincovisor.lang");
  } catch {
    return null;
  }
}

function readVisitor(): { visitorId: string; visitorKey: string } | null {
  try {
    const saved = JSON.parse(localStorage.getItem(visitorKey) ?? "null") as { visitorId?: unknown; visitorKey?: unknown } | null;
    return typeof saved?.visitorId === "string" && typeof saved.visitorKey === "string" ? { visitorId: saved.visitorId, visitorKey: saved.visitorKey } : null;
  } catch {
    return null;
  }
}

function writeVisitor(value: { visitorId: string; visitorKey: string } | null): void {
  try {
    if (value) localStorage.setItem(visitorKey, JSON.stringify(value));
    else localStorage.removeItem(visitorKey);
  } catch {
    // Storage blocked: every page load is a new visitor.
  }
}

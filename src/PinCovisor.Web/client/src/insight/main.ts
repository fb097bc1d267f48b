// /agent/insight: the admins' numbers (docs/insight.md) for a range of UTC days and a channel,
// drawn as charts and tables from GET /api/admin/insight, with the same numbers as a CSV download.
import { api, ApiError } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { lang, onLangChange } from "../shared/i18n.js";
import { brand, langSwitch } from "../agent/chrome.js";
import type { Me } from "../agent/types.js";
import { drawCharts } from "./charts.js";
import { drawTables } from "./tables.js";
import { t, type Key } from "./strings.js";
import type { InsightReport } from "./types.js";

const app = document.getElementById("app") ?? document.body;
const channels = ["voice", "web", "whatsapp", "sms"] as const;

function utcDay(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

const range = { from: utcDay(13), to: utcDay(0), channel: "" };
let report: InsightReport | null = null;
let problem: string | null = null;

function query(): string {
  const params = new URLSearchParams({ from: range.from, to: range.to });
  if (range.channel) params.set("channel", range.channel);
  return params.toString();
}

function message(text: string, link?: boolean): HTMLElement {
  return h("main", { class: "insight" }, h("p", { class: "insight-message", role: "alert", "data-testid": "insight-message" }, text),
    link ? h("a", { href: "/agent", class: "primary button" }, t("openConsole")) : null);
}

function controls(): HTMLElement {
  const from = h("input", { type: "date", class: "input small", value: range.from, required: true, "data-testid": "insight-from" });
  const to = h("input", { type: "date", class: "input small", value: range.to, required: true, "data-testid": "insight-to" });
  const channel = h("select", { class: "input small", "data-testid": "insight-channel" },
    h("option", { value: "" }, t("allChannels")),
    ...channels.map(c => h("option", { value: c, selected: c === range.channel }, t(c as Key))));
  const form = h("form", { class: "insight-controls" },
    h("label", null, t("from"), from), h("label", null, t("to"), to), h("label", null, t("channel"), channel),
    h("button", { type: "submit", class: "primary", "data-testid": "insight-apply" }, t("apply")),
    h("a", { href: `/api/admin/insight.csv?${query()}`, download: "", class: "button", "data-testid": "insight-csv" }, t("download")));
  form.addEventListener("submit", event => {
    event.preventDefault();
    Object.assign(range, { from: from.value, to: to.value, channel: channel.value });
    void load();
  });
  return form;
}

function render(): void {
  document.documentElement.lang = lang();
  document.title = t("title");
  const top = h("header", { class: "topbar" }, brand(),
    h("div", { class: "topbar-tools" }, h("a", { href: "/agent", class: "button", "data-testid": "insight-back" }, t("back")), langSwitch()));
  const charts = h("section", { class: "insight-charts" });
  const tables = h("section", { class: "insight-tables" });
  const main = h("main", { class: "insight", "aria-busy": report === null && problem === null ? "true" : "false" },
    h("h1", null, t("heading")), controls(),
    problem ? h("p", { class: "insight-message", role: "alert", "data-testid": "insight-message" }, problem) : null,
    report ? charts : h("p", { role: "status" }, t("loading")), report ? tables : null);
  app.replaceChildren(top, main);
  if (report) {
    drawCharts(charts, report);
    drawTables(tables, report);
  }
}

async function load(): Promise<void> {
  try {
    report = await api<InsightReport>(`/api/admin/insight?${query()}`);
    problem = null;
  } catch (error) {
    problem = t("failed", { reason: error instanceof ApiError ? (error.detail ?? error.title) : String(error) });
  }
  render();
}

async function boot(): Promise<void> {
  document.title = t("title");
  let me: Me;
  try {
    me = await api<Me>("/api/agents/me");
  } catch {
    app.replaceChildren(message(t("signIn"), true));
    return;
  }
  if (!me.isAdmin) {
    app.replaceChildren(message(t("adminsOnly"), true));
    return;
  }
  onLangChange(render);
  render();
  await load();
}

void boot();

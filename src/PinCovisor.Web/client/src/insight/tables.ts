// The insight numbers as tables: what the charts show, readable without them.
import { h } from "../shared/dom.js";
import { locale } from "../shared/i18n.js";
import { byAgent, type InsightCounts, type InsightReport } from "./types.js";
import { t } from "./strings.js";

function number(value: number | null): string {
  return value === null ? "—" : value.toLocaleString(locale(), { maximumFractionDigits: 1 });
}

function percent(share: number | null): string {
  return share === null ? "—" : (share * 100).toLocaleString(locale(), { maximumFractionDigits: 1 }) + " %";
}

function table(testId: string, caption: string, head: string[], rows: string[][]): HTMLTableElement {
  return h("table", { class: "insight-table", "data-testid": testId },
    h("caption", null, caption),
    h("thead", null, h("tr", null, ...head.map(cell => h("th", { scope: "col" }, cell)))),
    h("tbody", null, ...rows.map(row => h("tr", null, ...row.map((cell, i) => (i === 0 ? h("th", { scope: "row" }, cell) : h("td", null, cell)))))));
}

function cells(c: InsightCounts): string[] {
  return [
    number(c.pinsIssued), number(c.pageOpened), number(c.pinTyped), number(c.admitted), number(c.firstMessage),
    number(c.visualCalls), percent(c.visualShare),
    number(c.timeToJoin.p50Seconds), number(c.timeToJoin.p90Seconds), number(c.firstResponse.p50Seconds), number(c.firstResponse.p90Seconds),
  ];
}

export function drawTables(container: HTMLElement, report: InsightReport): void {
  const head = [t("date"), t("pinsIssued"), t("pageOpened"), t("pinTyped"), t("admitted"), t("firstMessage"), t("visualCalls"),
    t("visualShare"), `${t("timeToJoin")} ${t("p50")}`, `${t("timeToJoin")} ${t("p90")}`,
    `${t("firstResponse")} ${t("p50")}`, `${t("firstResponse")} ${t("p90")}`];
  const days = [...report.days.map(d => [d.date, ...cells(d.counts)]), [t("total"), ...cells(report.totals)]];
  const agents = byAgent(report.agents).map(a => [
    a.agent ?? t("noAgent"), number(a.sessions), number(a.csatCount), number(a.csatCount === 0 ? null : a.csatSum / a.csatCount),
  ]);
  container.replaceChildren(
    table("insight-days-table", t("tableDays"), head, days),
    table("insight-agents-table", t("tableAgents"), [t("agent"), t("sessions"), t("csatCount"), t("csatAverage")], agents),
    h("p", { class: "insight-note" }, t("bucketsNote")));
}

// The insight charts, drawn with Chart.js (only the pieces used are registered, so the bundle
// carries only them). Each canvas has an aria-label and fallback text; the numbers are in the tables.
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration,
} from "chart.js";
import { h } from "../shared/dom.js";
import { byAgent, type InsightReport } from "./types.js";
import { t, type Key } from "./strings.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

const colours = ["#0b5fff", "#00a3a3", "#f29d0c", "#7a3ff2", "#e0457b"];
const charts: Chart[] = [];

function figure(testId: string, title: Key, label: Key, config: ChartConfiguration): HTMLElement {
  const canvas = h("canvas", { role: "img", "aria-label": t(label), "data-testid": testId }, t(label));
  const element = h("figure", { class: "insight-chart" },
    h("figcaption", null, t(title)),
    h("div", { class: "insight-canvas" }, canvas));
  // Drawn once the figure is in the page, so the chart knows its size.
  queueMicrotask(() => charts.push(new Chart(canvas, config)));
  return element;
}

function bars(labels: string[], sets: { label: string; data: (number | null)[] }[], max?: number): ChartConfiguration {
  return {
    type: "bar",
    data: { labels, datasets: sets.map((s, i) => ({ ...s, backgroundColor: colours[i % colours.length] })) },
    options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ...(max ? { max } : {}) } } },
  };
}

function lines(labels: string[], sets: { label: string; data: (number | null)[] }[]): ChartConfiguration {
  return {
    type: "line",
    data: { labels, datasets: sets.map((s, i) => ({ ...s, borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length], spanGaps: true })) },
    options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
  };
}

/** Replaces the charts in <paramref name="container"/> by those of <paramref name="report"/>. */
export function drawCharts(container: HTMLElement, report: InsightReport): void {
  for (const chart of charts.splice(0)) chart.destroy();
  const days = report.days.map(d => d.date.slice(5));
  const counts = report.days.map(d => d.counts);
  const agents = byAgent(report.agents);
  container.replaceChildren(
    figure("insight-funnel", "funnel", "funnelLabel", bars(days, [
      { label: t("pinsIssued"), data: counts.map(c => c.pinsIssued) },
      { label: t("pageOpened"), data: counts.map(c => c.pageOpened) },
      { label: t("pinTyped"), data: counts.map(c => c.pinTyped) },
      { label: t("admitted"), data: counts.map(c => c.admitted) },
      { label: t("firstMessage"), data: counts.map(c => c.firstMessage) },
    ])),
    figure("insight-time-to-join", "timeToJoin", "timeToJoinLabel", lines(days, [
      { label: t("p50"), data: counts.map(c => c.timeToJoin.p50Seconds) },
      { label: t("p90"), data: counts.map(c => c.timeToJoin.p90Seconds) },
    ])),
    figure("insight-visual-share", "visualShare", "visualShareLabel", bars(days, [
      { label: t("visualShare"), data: counts.map(c => (c.visualShare === null ? null : Math.round(c.visualShare * 1000) / 10)) },
    ], 100)),
    figure("insight-first-response", "firstResponse", "firstResponseLabel", lines(days, [
      { label: t("p50"), data: counts.map(c => c.firstResponse.p50Seconds) },
      { label: t("p90"), data: counts.map(c => c.firstResponse.p90Seconds) },
    ])),
    figure("insight-agents", "agents", "agentsLabel", bars(agents.map(a => a.agent ?? t("noAgent")), [
      { label: t("sessions"), data: agents.map(a => a.sessions) },
      { label: t("csatAverage"), data: agents.map(a => (a.csatCount === 0 ? null : Math.round((a.csatSum / a.csatCount) * 100) / 100)) },
    ])),
  );
}

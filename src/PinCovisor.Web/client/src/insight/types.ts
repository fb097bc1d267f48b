// The shape of GET /api/admin/insight (Insight/InsightReport.cs, docs/insight.md), generated from
// the host's OpenAPI document (client/openapi/v1.json; npm run gen:rest).

import type { components } from "../generated/rest.js";

export type InsightTimes = components["schemas"]["InsightTimes"];

export type InsightCounts = components["schemas"]["InsightCounts"];

export type InsightAgent = components["schemas"]["InsightAgent"];

export type InsightReport = components["schemas"]["InsightReport"];

/** One agent over the channels shown: sessions, CSAT answers and their sum. */
export interface AgentSummary {
  agent: string | null;
  sessions: number;
  csatCount: number;
  csatSum: number;
}

export function byAgent(agents: InsightAgent[]): AgentSummary[] {
  const sums = new Map<string, AgentSummary>();
  for (const a of agents) {
    const key = a.agent ?? "";
    const sum = sums.get(key) ?? { agent: a.agent, sessions: 0, csatCount: 0, csatSum: 0 };
    sum.sessions += a.sessions;
    sum.csatCount += a.csatCount;
    sum.csatSum += a.csatSum;
    sums.set(key, sum);
  }
  return [...sums.values()];
}

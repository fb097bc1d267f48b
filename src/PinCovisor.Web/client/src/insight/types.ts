// The shape of GET /api/admin/insight (Insight/InsightReport.cs, docs/insight.md).

export interface InsightTimes {
  count: number;
  p50Seconds: number | null;
  p90Seconds: number | null;
  buckets: number[];
}

export interface InsightCounts {
  pinsIssued: number;
  pageOpened: number;
  pinTyped: number;
  admitted: number;
  firstMessage: number;
  visualCalls: number;
  visualShare: number | null;
  timeToJoin: InsightTimes;
  firstResponse: InsightTimes;
}

export interface InsightAgent {
  agent: string | null;
  channel: string;
  sessions: number;
  csatCount: number;
  csatSum: number;
  csatAverage: number | null;
  csatScores: number[];
}

export interface InsightReport {
  from: string;
  to: string;
  channels: string[];
  days: { date: string; counts: InsightCounts }[];
  totals: InsightCounts;
  agents: InsightAgent[];
}

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

// The REST shapes the console reads (docs/agents.md, docs/visitors.md, docs/media.md,
// WaitingRoom/SessionViews.cs). Hub payloads live in shared/contracts.ts.

export interface Me {
  username: string;
  displayName: string;
  isAdmin: boolean;
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  agent: Me;
}

export type PresenceStatus = "available" | "busy" | "away";

export interface AgentPresence {
  username: string;
  displayName: string;
  status: PresenceStatus;
  lastSeen: string | null;
}

export interface LiveCall {
  callSid: string;
  maskedFrom: string | null;
  status: string;
  startedAt: string;
  waitingSeconds: number;
  pinState: "live" | "redeemed" | "none";
  answeringAgent: string | null;
}

/** A call the host ended because the phone network sent no news of it for Calls:StaleAfter. */
export interface SilentEnd {
  callSid: string;
  maskedFrom: string | null;
  endedAt: string;
  noNewsSeconds: number;
}

export interface ClaimResponse {
  call: LiveCall;
  sessionId: string | null;
}

export interface Participant {
  id: string;
  admission: "pending" | "admitted" | "rejected";
  device: string | null;
  joinedAt: string;
}

export interface AgentSession {
  id: string;
  origin: "call" | "web" | "whatsapp" | "sms";
  callSid: string | null;
  agent: string | null;
  createdAt: string;
  callEndedAt: string | null;
  participants: Participant[];
  /** The caller's (or the writing customer's) number, masked; null for web sessions or once the call's record expired. */
  maskedFrom: string | null;
  /** The WhatsApp profile name of the customer of a conversation, when their app sent one. */
  customerName?: string | null;
  /** WhatsApp only: when the 24-hour window for free text closes (ISO-8601 UTC); null for SMS and other sessions. */
  windowClosesAt?: string | null;
}

export interface CannedReply {
  shortcut: string;
  text: string;
}

export interface Video {
  id: string;
  title: string;
  url: string;
}

export interface Visitor {
  visitorId: string;
  url: string;
  title: string | null;
  device: string | null;
  firstSeen: string;
  lastSeen: string;
  pageViews: number;
  invited: boolean;
  /** The visitor's widget is in a session already (joined by PIN or by an invitation). */
  inSession: boolean;
}

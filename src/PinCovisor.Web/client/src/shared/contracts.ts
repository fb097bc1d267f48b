// The shapes the browser code shares: the hub protocol's payloads (docs/hub-protocol.md) and the
// interfaces of the covisor core (hub.ts, viewer.ts, chat.ts) that the widget, /join and the agent
// console build on.

import type { components } from "../generated/rest";

export type Role = "agent" | "customer" | "system";

export interface EventAuthor {
  role: Role;
  /** A customer's participant id; an agent's username for agents only (null for customers). */
  id: string | null;
  name: string | null;
}

/** A catalog product, as GET /api/catalog/{id} answers and product.shared events carry it. */
export type Product = components["schemas"]["Product"];

export interface VideoState {
  action: "load" | "play" | "pause" | "seek" | "rate";
  videoId: string;
  position: number;
  rate: number;
  playing: boolean;
  serverTime: string;
}

/** Every logged event (docs/hub-protocol.md, "Events"). */
export interface CovisorEvent {
  seq: number;
  sessionId: string;
  kind: string;
  at: string;
  author: EventAuthor;
  // The payload depends on kind; see the table in docs/hub-protocol.md.
  data: Record<string, unknown>;
}

export interface AgentRef {
  /** Sent to agents only: customers see agents by display name alone. */
  username?: string;
  displayName: string;
}

export interface JoinResult {
  sessionId: string;
  admission: "pending" | "admitted" | "rejected";
  agent: AgentRef | null;
  events: CovisorEvent[];
  latestSeq: number;
  hasMore: boolean;
  reset: boolean;
  video: CovisorEvent | null;
  serverTime: string;
  /** The call's status now; null for sessions without a call. */
  call: CallStatus | null;
}

/** A call's status as <c>call.status</c> events and <c>JoinResult.call</c> carry it. */
export interface CallStatus {
  status: string;
  over: boolean;
  endedAt: string | null;
}

export interface TypingSignal {
  sessionId: string;
  author: EventAuthor;
  isTyping: boolean;
}

export interface PointerSignal {
  sessionId: string;
  author: EventAuthor;
  x: number;
  y: number;
}

/** TransferCall's news for the agent the call came from (CallTransfer, not logged). */
export interface CallTransferNotice {
  sessionId: string;
  to: AgentRef;
  /** "unanswered": nobody took the call; it rings this agent again and the session stayed. */
  state: string;
}

export type ConnectionState = "connecting" | "connected" | "reconnecting" | "disconnected";

/** Options of <c>createCovisorConnection</c> (hub.ts). */
export interface CovisorConnectionOptions {
  /** Origin of the host, "" for this page's origin. */
  baseUrl: string;
  /** Bearer token; null for the agent console's cookie. */
  token: string | null;
}

/**
 * One SignalR connection to /hubs/covisor, following the protocol's client rules: per-session
 * ordering by seq (buffer, dedupe, page with hasMore, reset), re-JoinSession after every reconnect,
 * the server clock offset from Clock().
 */
export interface CovisorConnection {
  readonly state: ConnectionState;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Joins (or re-joins) a session and feeds its history to the session's listeners in order.
   * Resolves with the first page's result (admission, agent, video).
   */
  joinSession(sessionId: string): Promise<JoinResult>;
  leaveSession(sessionId: string): Promise<void>;
  /** Ordered, deduplicated events of one session (replayed ones too: replay = true). Returns unsubscribe. */
  onSessionEvent(sessionId: string, listener: (event: CovisorEvent, replay: boolean) => void): () => void;
  /** Every event as it arrives, before ordering: agents hear participant.joined / agent.changed of sessions they have not joined. */
  onAnyEvent(listener: (event: CovisorEvent) => void): () => void;
  onTyping(listener: (signal: TypingSignal) => void): () => void;
  onPointer(listener: (signal: PointerSignal) => void): () => void;
  /** Agents: how a call transfer they started went (see CallTransferNotice). Returns unsubscribe. */
  onCallTransfer(listener: (notice: CallTransferNotice) => void): () => void;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
  /** Last applied seq of a session (0 if none). */
  lastSeq(sessionId: string): number;
  /** Milliseconds to add to Date.now() to get the server's time (from Clock(), shortest round trip). */
  serverOffsetMs(): number;
  /** Invokes a hub method; HubException messages arrive as Error.message ending with the server's human text. */
  invoke<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  /** The server's human message of a hub error ("You are sending too fast; …"). */
  humanError(error: unknown): string;
}

/** Options of <c>createCovisorView</c> (viewer.ts). */
export interface CovisorViewOptions {
  connection: CovisorConnection;
  sessionId: string;
  baseUrl: string;
  /** Appended as ?access_token= to media and video URLs (customers); null for cookie auth. */
  token: string | null;
  /** Who is looking: both sides may draw and zoom; the agent also drives sharing. */
  role: "agent" | "customer";
}

/**
 * The shared visual area: image with wheel/pinch zoom and drag pan (SetView), a drawing canvas
 * (AddStroke batches while drawing, UndoStroke, ClearStrokes), the other side's pointer, the synced
 * video (ControlVideo, drift correction), product cards and photo upload. It listens to its
 * session's events by itself.
 */
export interface CovisorView {
  readonly element: HTMLElement;
  /** "pan" moves/zooms the image; "draw" draws. */
  setTool(tool: "pan" | "draw"): void;
  setColor(color: string): void;
  undoLastStroke(): Promise<void>;
  clearStrokes(): Promise<void>;
  /** Uploads a photo into the session and shares it. */
  uploadAndShare(file: File): Promise<void>;
  shareProduct(productId: string, withImage: boolean): Promise<void>;
  loadVideo(videoId: string): Promise<void>;
  destroy(): void;
}

/** Options of <c>createChatPanel</c> (chat.ts). */
export interface ChatPanelOptions {
  connection: CovisorConnection;
  sessionId: string;
  role: "agent" | "customer";
  /** Called on each key in the input before the panel handles it (the console's "/" shortcuts). */
  onInputKeyDown?: (event: KeyboardEvent, input: HTMLTextAreaElement) => void;
  /** Makes a session media path (/api/sessions/{id}/media/{mediaId}) loadable, e.g. with the page's token; as is when absent. */
  mediaUrl?: (path: string) => string;
}

/** Chat with receipts (delivered/read), typing indicator and idempotent resend. */
export interface ChatPanel {
  readonly element: HTMLElement;
  readonly input: HTMLTextAreaElement;
  /** Sends text as a chat message (used by canned replies). */
  send(text: string): Promise<void>;
  /** Messages from the other side not yet seen (for title badges). */
  readonly unread: number;
  onUnreadChange(listener: (unread: number) => void): () => void;
  destroy(): void;
}

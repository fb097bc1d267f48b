// Sends a request the way Twilio sends its webhooks: the host's demo endpoint signs the form with
// the configured auth token, then the form is POSTed with X-Twilio-Signature. Fetches use relative
// paths; the signature covers the absolute URL exactly as the TwiML wrote it.
import { api } from "../shared/api";

export type Params = Record<string, string>;

interface Signed {
  url: string;
  path: string;
  signature: string;
}

export class WebhookError extends Error {
  constructor(readonly path: string, readonly status: number) {
    super(`${path} → HTTP ${status}`);
    this.name = "WebhookError";
  }
}

/** POSTs the form as Twilio would; the TwiML answer as an XML document, or null for an empty answer. */
export async function postAsTwilio(url: string, params: Params): Promise<Document | null> {
  const signed = await api<Signed>("/demo/phone/sign", { body: { url, params } });
  const response = await fetch(signed.path, {
    method: "POST",
    headers: { "X-Twilio-Signature": signed.signature, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(params),
    credentials: "omit",
  });
  if (!response.ok) throw new WebhookError(signed.path, response.status);
  const text = await response.text();
  if (response.status === 204 || text.trim() === "") return null;
  const document = new DOMParser().parseFromString(text, "application/xml");
  if (document.getElementsByTagName("parsererror").length > 0 || document.documentElement.tagName !== "Response") {
    throw new Error(`${signed.path} did not answer TwiML`);
  }
  return document;
}

/**
 * Sends the form as Twilio would from a page that is closing: no await is left to sign it, so the
 * host's demo endpoint signs it and posts it to the webhook itself. `keepalive` lets the request
 * outlive the page.
 */
export function sendAsTwilioOnExit(url: string, params: Params): void {
  void fetch("/demo/phone/send", {
    method: "POST",
    keepalive: true,
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ url, params }),
    credentials: "same-origin",
  }).catch(() => undefined);
}

/** What the host asked of Twilio's REST API (the demo's simulated one), as the simulator plays it. */
export interface TwilioEvent {
  seq: number;
  kind: "call.created" | "call.updated" | "message.created";
  callSid: string | null;
  from: string | null;
  to: string | null;
  status: string | null;
  twiml: string | null;
  url: string | null;
  statusCallback: string | null;
  body: string | null;
  /** For message.created: the message's SID, its media, and the content template it used. */
  messageSid?: string | null;
  mediaUrls?: string[];
  contentSid?: string | null;
  contentVariables?: string | null;
}

/**
 * The REST API's requests after `after` (null: none, only where the feed stands now). A page on a
 * call names it: the simulated network takes a call whose page stopped asking as hung up.
 */
export async function twilioEvents(after: number | null, callSid?: string): Promise<{ next: number; events: TwilioEvent[] }> {
  return api(`/demo/phone/twilio-events?after=${after ?? 0}${callSid ? `&call=${encodeURIComponent(callSid)}` : ""}`);
}

/** A Twilio-style id: two letters and 32 hex digits. */
export function newSid(prefix: "CA" | "QU" | "SM"): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return prefix + Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
}

// The customer's hold on a session: joining by PIN or second-device code, and remembering the token
// for this browser tab (sessionStorage) so a reload or a new page of the shop resumes the session.

import { ApiError, api } from "../shared/api";
import type { components } from "../generated/rest";
import { pluralTranslator, translator } from "../shared/i18n";

export interface CustomerSession {
  sessionId: string;
  token: string;
  agentName: string | null;
  admission: "pending" | "admitted" | "rejected";
}

type JoinResponse = components["schemas"]["JoinResponse"];

const storageKey = "pincovisor.session";

export function loadSession(): CustomerSession | null {
  try {
    const raw = sessionStorage.getItem(storageKey);
    if (!raw) return null;
    const saved = JSON.parse(raw) as Partial<CustomerSession>;
    return typeof saved.sessionId === "string" && typeof saved.token === "string"
      ? { sessionId: saved.sessionId, token: saved.token, agentName: saved.agentName ?? null, admission: saved.admission ?? "pending" }
      : null;
  } catch {
    return null;
  }
}

export function saveSession(session: CustomerSession | null): void {
  try {
    if (session) sessionStorage.setItem(storageKey, JSON.stringify(session));
    else sessionStorage.removeItem(storageKey);
  } catch {
    // Storage blocked: the session still works until the page closes.
  }
}

function fromResponse(response: JoinResponse): CustomerSession {
  return { sessionId: response.sessionId, token: response.token, agentName: response.agent?.displayName ?? null, admission: response.admission };
}

export async function joinByPin(baseUrl: string, pin: string): Promise<CustomerSession> {
  return fromResponse(await api<JoinResponse>("/api/join", { baseUrl, body: { pin }, credentials: "omit" }));
}

export async function joinByDevice(baseUrl: string, code: string): Promise<CustomerSession> {
  return fromResponse(await api<JoinResponse>("/api/join/device", { baseUrl, body: { code }, credentials: "omit" }));
}

/** Joins with the link an agent sent by WhatsApp or SMS (/join?invite=…): single use, admitted at once. */
export async function joinByInvite(baseUrl: string, invite: string): Promise<CustomerSession> {
  return fromResponse(await api<JoinResponse>("/api/join/invite", { baseUrl, body: { invite }, credentials: "omit" }));
}

/** What GET /api/sessions/{id} tells a customer (also while waiting). */
export async function fetchSession(baseUrl: string, session: CustomerSession): Promise<CustomerSession> {
  const view = await api<components["schemas"]["CustomerSessionView"]>(
    `/api/sessions/${encodeURIComponent(session.sessionId)}`, { baseUrl, token: session.token, credentials: "omit" });
  return { ...session, agentName: view.agent?.displayName ?? session.agentName, admission: view.admission };
}

const words = {
  es: {
    invalid: "Ese código no es válido o ha caducado. Revisa los dígitos o pide uno nuevo.",
    inviteSpent: "Este enlace ya se ha usado o ha caducado; pide uno nuevo a la tienda.",
    "throttled.one": "Demasiados intentos. Espera {count} minuto y vuelve a intentarlo.",
    "throttled.other": "Demasiados intentos. Espera {count} minutos y vuelve a intentarlo.",
    throttledSoon: "Demasiados intentos. Espera un momento y vuelve a intentarlo.",
    format: "Escribe los {min} a {max} dígitos que has oído por teléfono.",
    network: "No hemos podido conectar. Revisa tu conexión y vuelve a intentarlo.",
  },
  en: {
    invalid: "That code is not valid or has expired. Check the digits, or ask for a new one.",
    inviteSpent: "This link was already used or has expired; ask the shop for a new one.",
    "throttled.one": "Too many tries. Wait {count} minute and try again.",
    "throttled.other": "Too many tries. Wait {count} minutes and try again.",
    throttledSoon: "Too many tries. Wait a moment and try again.",
    format: "Type the {min} to {max} digits you heard on the phone.",
    network: "We could not connect. Check your connection and try again.",
  },
};
const t = translator(words);
const tn = pluralTranslator(words);

export const pinLength = { min: 4, max: 12 };

export function formatProblem(): string {
  return t("format", pinLength);
}

/** Human text for a failed join by an agent's link: a used, replaced or expired one is one answer. */
export function inviteError(error: unknown): string {
  return error instanceof ApiError && (error.status === 404 || error.status === 400) ? t("inviteSpent") : joinError(error);
}

/** Human text for a failed join. */
export function joinError(error: unknown): string {
  if (!(error instanceof ApiError)) return t("network");
  if (error.status === 429) {
    const minutes = error.retryAfterSeconds ? Math.ceil(error.retryAfterSeconds / 60) : 0;
    return minutes > 0 ? tn("throttled", minutes) : t("throttledSoon");
  }
  if (error.status === 404) return t("invalid");
  if (error.status === 400) return t("format", pinLength);
  return error.detail ?? error.title;
}

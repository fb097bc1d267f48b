// "Show on the phone": in a WhatsApp or SMS conversation the agent in charge sends the customer a
// single-use link into this same session's covisor (InviteToCovisor). The host writes and sends the
// line; it comes back here as the agent's own chat line, and the customer's arrival shows in the
// devices list.
import { h } from "../shared/dom.js";
import { formatTime, onLangChange, translator } from "../shared/i18n.js";
import type { CovisorConnection } from "../shared/contracts.js";
import { say } from "./ui.js";
import { icon } from "./icons.js";

const t = translator({
  es: {
    title: "Enseñar en el móvil",
    text: "Envía al cliente un enlace que abre esta sesión en su móvil: verá lo que compartes y seguiréis en este chat.",
    send: "Enviar el enlace", sending: "Enviando…", again: "Enviar otro enlace",
    sent: "Enlace enviado a las {time}; sirve una vez. Uno nuevo anula el anterior.",
  },
  en: {
    title: "Show on the phone",
    text: "Send the customer a link that opens this session on their phone: they see what you share, and this chat goes on.",
    send: "Send the link", sending: "Sending…", again: "Send a new link",
    sent: "Link sent at {time}; it works once. A new one cancels the one before.",
  },
});

export interface EscalateBox {
  readonly element: HTMLElement;
  /** False while the session is ended or handed over. */
  setEnabled(enabled: boolean): void;
  destroy(): void;
}

/** A tool box for conversations of origin whatsapp or sms; null for any other session. */
export function escalateBox(connection: CovisorConnection, sessionId: string, origin: string): EscalateBox | null {
  if (origin !== "whatsapp" && origin !== "sms") return null;
  let sending = false;
  let sentAt: string | null = null;
  let enabled = true;

  const titleId = `escalate-${sessionId}`;
  const heading = h("h3", { id: titleId, class: "tool-title" });
  const text = h("p", { class: "escalate-text", "data-testid": "agent-escalate-text" });
  const label = h("span", { class: "label" });
  const send = h("button", { type: "button", class: "primary", "data-testid": "agent-escalate" }, icon("eye", 18), label);
  const element = h("section", { class: "tool escalate-box", "aria-labelledby": titleId, "data-testid": "agent-escalate-box" },
    heading, text, send);

  function render(): void {
    heading.replaceChildren(icon("eye", 16), t("title"));
    text.textContent = sentAt === null ? t("text") : t("sent", { time: formatTime(sentAt) });
    label.textContent = sending ? t("sending") : t(sentAt === null ? "send" : "again");
    send.disabled = sending || !enabled;
  }

  send.addEventListener("click", () => {
    sending = true;
    render();
    void connection.invoke<number>("InviteToCovisor", sessionId)
      .then(() => { sentAt = new Date().toISOString(); })
      .catch((error: unknown) => say(connection.humanError(error), "error"))
      .finally(() => { sending = false; render(); });
  });

  const off = onLangChange(() => render());
  render();
  return {
    element,
    setEnabled(value) { enabled = value; render(); },
    destroy: off,
  };
}

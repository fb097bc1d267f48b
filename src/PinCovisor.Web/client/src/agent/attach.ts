// One photo or PDF to a WhatsApp or SMS conversation's customer: the paperclip in the chat box uploads it
// into the session (POST /api/sessions/{id}/media) and sends it with the text box as its caption
// (SendAttachment). The host refuses what WhatsApp would not take, with the reason; the line comes
// back as the agent's own chat line. docs/whatsapp.md#sending-a-photo-or-a-pdf.
import { h } from "../shared/dom.js";
import { onLangChange, translator } from "../shared/i18n.js";
import type { ChatPanel, CovisorConnection } from "../shared/contracts.js";
import { uploadError, uploadMedia } from "../shared/upload.js";
import { say } from "./ui.js";
import { icon } from "./icons.js";

const t = translator({
  es: { attach: "Enviar una foto o un PDF", sending: "Enviando… {p} %" },
  en: { attach: "Send a photo or a PDF", sending: "Sending… {p} %" },
});

let counter = 0;

/** The chat box's paperclip: off while free text may not go (a closed session, WhatsApp's window closed). */
export interface AttachButton {
  setEnabled(enabled: boolean): void;
  destroy(): void;
}

/** The paperclip, put at the start of the chat box's form; null for a session that is no conversation. */
export function attachButton(connection: CovisorConnection, sessionId: string, origin: string, chat: ChatPanel): AttachButton | null {
  if (origin !== "whatsapp" && origin !== "sms") return null;
  const picker = h("input", { type: "file", accept: "image/jpeg,image/png,image/webp,application/pdf", hidden: true, "data-testid": "agent-attach-file" });
  const button = h("button", { type: "button", class: "pc-button pc-chat-attach", "data-testid": "agent-attach" }, icon("attach", 20));
  const label = () => {
    button.title = t("attach");
    button.setAttribute("aria-label", t("attach"));
  };
  label();
  const form = chat.element.querySelector("form");
  form?.prepend(button, picker);
  const offLang = onLangChange(label);
  let enabled = true;
  let sending = false;
  const refresh = () => { button.disabled = sending || !enabled; };

  button.addEventListener("click", () => picker.click());
  picker.addEventListener("change", () => {
    const file = picker.files?.[0];
    picker.value = "";
    if (file) void send(file);
  });

  async function send(file: File): Promise<void> {
    sending = true;
    refresh();
    let media;
    try {
      media = await uploadMedia("", null, sessionId, file, fraction => say(t("sending", { p: Math.round(fraction * 100) })));
    } catch (error) {
      say(uploadError(error), "error");
      sending = false;
      refresh();
      return;
    }
    const caption = chat.input.value.trim();
    const messageId = `a-${Date.now().toString(36)}-${++counter}`;
    try {
      await connection.invoke<number>("SendAttachment", sessionId, messageId, media.mediaId, caption);
      if (chat.input.value.trim() === caption) chat.input.value = "";
    } catch (error) {
      say(connection.humanError(error), "error");
    } finally {
      sending = false;
      refresh();
    }
  }

  return {
    setEnabled(value: boolean) {
      enabled = value;
      refresh();
    },
    destroy() {
      offLang();
      button.remove();
      picker.remove();
    },
  };
}

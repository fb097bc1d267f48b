// "Call me": in a session opened from the website (no call), the customer may leave a number and
// the agent calls them from the shop's number. The form shows only where the host offers it
// (CanRequestCallBack) and goes away once the session has a call. The number is sent once and
// never shown back: what comes back, to both sides, is the masked number of the event.

import type { CovisorConnection, CovisorEvent } from "../shared/contracts";
import { h } from "../shared/dom";
import { onLangChange, translator } from "../shared/i18n";

const t = translator({
  es: {
    lead: "¿Prefieres hablar? Deja tu número y el agente te llama.",
    label: "Tu teléfono", submit: "Llamadme", sending: "Enviando…",
    requested: "Te llamaremos al {number}.", placed: "Te estamos llamando al {number}…",
  },
  en: {
    lead: "Would you rather talk? Leave your number and the agent will call you.",
    label: "Your phone number", submit: "Call me", sending: "Sending…",
    requested: "We will call you at {number}.", placed: "Calling you at {number}…",
  },
});

export interface CallBackForm {
  readonly element: HTMLElement;
  destroy(): void;
}

export function createCallBackForm(connection: CovisorConnection, sessionId: string): CallBackForm {
  let offered = false;
  let hasCall = false;
  let masked: string | null = null;
  let placed = false;
  let sending = false;
  let error = "";

  const inputId = `pc-callback-${sessionId}`;
  const lead = h("p", { class: "pc-muted" });
  const label = h("label", { class: "pc-field-label", for: inputId });
  const input = h("input", {
    id: inputId, type: "tel", class: "pc-callback-input", autocomplete: "tel", inputmode: "tel", maxlength: 40,
    required: true, "data-testid": "pc-callback-number",
  });
  const submit = h("button", { type: "submit", class: "pc-button", "data-testid": "pc-callback-submit" });
  const message = h("p", { class: "pc-callback-result", role: "status", "data-testid": "pc-callback-result" });
  const form = h("form", { class: "pc-callback-form" }, label, h("div", { class: "pc-callback-row" }, input, submit));
  const element = h("section", { class: "pc-callback", "data-testid": "pc-callback", hidden: true }, lead, form, message);

  function render(): void {
    element.hidden = !offered || (hasCall && !placed);
    lead.textContent = t("lead");
    label.textContent = t("label");
    submit.textContent = sending ? t("sending") : t("submit");
    submit.disabled = sending;
    form.hidden = masked !== null;
    lead.hidden = masked !== null;
    message.textContent = error || (masked ? t(placed ? "placed" : "requested", { number: masked }) : "");
    message.classList.toggle("pc-error", !!error);
    message.hidden = !message.textContent;
  }

  form.addEventListener("submit", event => {
    event.preventDefault();
    if (sending) return;
    sending = true;
    error = "";
    render();
    void connection.invoke<number>("RequestCallBack", sessionId, input.value)
      .then(() => { input.value = ""; })
      .catch((failure: unknown) => { error = connection.humanError(failure); })
      .finally(() => { sending = false; render(); });
  });

  function onEvent(event: CovisorEvent): void {
    switch (event.kind) {
      case "callback.requested":
        masked = String(event.data.maskedNumber ?? "");
        break;
      case "callback.placed":
        masked = String(event.data.maskedNumber ?? masked ?? "");
        placed = true;
        break;
      case "call.status":
        // Once the phone rings there is nothing left to ask for; over, the whole session ends soon.
        hasCall = true;
        if (event.data.status !== "queued" && event.data.status !== "ringing") placed = false;
        break;
      default:
        return;
    }
    render();
  }

  const off = [connection.onSessionEvent(sessionId, onEvent), onLangChange(() => render())];
  void connection.invoke<boolean>("CanRequestCallBack", sessionId)
    .then(yes => { offered = yes || masked !== null; render(); })
    .catch(() => undefined);
  render();

  return {
    element,
    destroy() {
      for (const unsubscribe of off) unsubscribe();
    },
  };
}

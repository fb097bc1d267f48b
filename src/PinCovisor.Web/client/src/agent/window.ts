// WhatsApp's 24-hour window in a conversation's chat: how long free text is still allowed (from the
// customer's last message, windowClosesAt in GET /api/sessions) and the shop's approved templates
// (GET /api/conversations/templates), which go out at any time (SendTemplate). Once the window has
// closed the chat box takes no free text: the host would refuse it, as WhatsApp would.
import { api } from "../shared/api.js";
import type { components } from "../generated/rest.js";
import { h } from "../shared/dom.js";
import { onLangChange, translator } from "../shared/i18n.js";
import type { CovisorConnection } from "../shared/contracts.js";
import { say, errorText } from "./ui.js";

const t = translator({
  es: {
    open: "Ventana abierta: quedan {hours} h {minutes} min",
    closed: "Ventana cerrada: envía una plantilla",
    unknown: "Ventana de 24 h: sin mensajes del cliente registrados",
    template: "Plantilla", pick: "Elige una plantilla", send: "Enviar plantilla", sending: "Enviando…",
    none: "La tienda no tiene plantillas aprobadas (Messaging:Templates).",
  },
  en: {
    open: "Window open: {hours} h {minutes} min left",
    closed: "Window closed — send a template",
    unknown: "24-hour window: no message of the customer's on record",
    template: "Template", pick: "Pick a template", send: "Send template", sending: "Sending…",
    none: "The shop has no approved templates (Messaging:Templates).",
  },
});

/** A template as GET /api/conversations/templates lists it. */
export type MessageTemplate = components["schemas"]["TemplateView"];

export interface WindowBox {
  readonly element: HTMLElement;
  /** The session list was read again: when the window closes now (null: unknown). */
  update(closesAt: string | null | undefined): void;
  /** Whether free text may be sent now. */
  readonly open: boolean;
  setEnabled(enabled: boolean): void;
  destroy(): void;
}

let templates: Promise<MessageTemplate[]> | null = null;

function render(preview: string, values: string[]): string {
  return preview.replace(/\{\{\s*(\d{1,3})\s*\}\}/g, (whole, n: string) => values[Number(n) - 1] || whole);
}

/** The window and templates of a WhatsApp conversation; null for any other session. */
export function windowBox(connection: CovisorConnection, sessionId: string, origin: string, onChange: (open: boolean) => void): WindowBox | null {
  if (origin !== "whatsapp") return null;
  let closesAt: number | null = null;
  let open = true;
  let enabled = true;
  let sending = false;
  let list: MessageTemplate[] = [];

  const status = h("p", { class: "ws-window", "data-testid": "agent-window", role: "status" });
  const selectId = `agent-template-${sessionId}`;
  const label = h("label", { for: selectId });
  const select = h("select", { id: selectId, class: "input", "data-testid": "agent-template" });
  const fields = h("div", { class: "ws-template-fields" });
  const preview = h("p", { class: "ws-template-preview", "data-testid": "agent-template-preview" });
  const send = h("button", { type: "submit", class: "primary small", "data-testid": "agent-template-send" });
  const form = h("form", { class: "ws-template", "data-testid": "agent-template-form" }, label, select, fields, preview, send);
  const element = h("section", { class: "ws-window-box", "data-testid": "agent-window-box" }, status, form);

  const chosen = () => list.find(x => x.name === select.value) ?? null;
  const values = () => [...fields.querySelectorAll<HTMLInputElement>("input")].map(input => input.value.trim());

  function renderStatus(): void {
    const now = Date.now();
    const wasOpen = open;
    open = closesAt === null || closesAt > now;
    const left = Math.max(0, Math.floor(((closesAt ?? now) - now) / 60_000));
    status.textContent = closesAt === null ? t("unknown") : open ? t("open", { hours: Math.floor(left / 60), minutes: left % 60 }) : t("closed");
    status.dataset.state = closesAt === null ? "unknown" : open ? "open" : "closed";
    element.dataset.window = status.dataset.state;
    if (wasOpen !== open) onChange(open);
  }

  function renderFields(): void {
    const template = chosen();
    fields.replaceChildren(...(template?.variables ?? []).map((name, i) => {
      const id = `${selectId}-var-${i + 1}`;
      const input = h("input", { id, class: "input", "data-testid": "agent-template-var", required: true, maxlength: 200, placeholder: name });
      input.addEventListener("input", renderPreview);
      return h("div", { class: "field" }, h("label", { for: id }, `{{${i + 1}}} ${name}`), input);
    }));
    renderPreview();
  }

  function renderPreview(): void {
    const template = chosen();
    preview.textContent = template ? render(template.preview, values()) : "";
  }

  function renderTexts(): void {
    label.textContent = t("template");
    send.textContent = sending ? t("sending") : t("send");
    send.disabled = sending || !enabled || !chosen();
    select.disabled = !enabled || list.length === 0;
    if (list.length === 0) {
      select.replaceChildren(h("option", { value: "" }, t("none")));
    } else if (select.options.length !== list.length + 1) {
      const current = select.value;
      select.replaceChildren(h("option", { value: "" }, t("pick")),
        ...list.map(x => h("option", { value: x.name }, `${x.name}${x.language ? ` (${x.language})` : ""}`)));
      select.value = current;
    } else {
      select.options[0]!.textContent = t("pick");
    }
    renderStatus();
  }

  select.addEventListener("change", () => { renderFields(); renderTexts(); });
  form.addEventListener("submit", event => {
    event.preventDefault();
    const template = chosen();
    if (!template || sending) return;
    sending = true;
    renderTexts();
    const random = crypto.getRandomValues(new Uint32Array(2));
    const messageId = `t-${Date.now().toString(36)}-${random[0]!.toString(36)}${random[1]!.toString(36)}`;
    void connection.invoke<number>("SendTemplate", sessionId, messageId, template.name, values())
      .then(() => { select.value = ""; renderFields(); })
      .catch((error: unknown) => say(connection.humanError(error), "error"))
      .finally(() => { sending = false; renderTexts(); });
  });

  templates ??= api<MessageTemplate[]>("/api/conversations/templates").catch((error: unknown) => {
    templates = null;
    say(errorText(error), "error");
    return [];
  });
  void templates.then(found => { list = found; renderTexts(); });
  const timer = setInterval(renderStatus, 15_000);
  const off = onLangChange(renderTexts);
  renderTexts();
  return {
    element,
    get open() { return open; },
    update(value) {
      closesAt = value ? Date.parse(value) : null;
      renderStatus();
    },
    setEnabled(value) { enabled = value; renderTexts(); },
    destroy() { clearInterval(timer); off(); },
  };
}

// The order card: clicking an order number marked in the chat (<mark class="pc-order">), or typing
// one into the lookup box, asks the host for that order in this session (GET or POST
// /api/orders/{number}?sessionId=, docs/orders.md) and shows its status, delivery day, items and
// total in the session's tools, beside the chat. A number the caller keyed in the IVR (order.keyed,
// agents only) opens the card by itself, from the history, so it is there when the agent answers.
// Built as text nodes only: the order is the shop's data, never markup.
import { api } from "../shared/api.js";
import type { CovisorConnection, CovisorEvent } from "../shared/contracts.js";
import { h } from "../shared/dom.js";
import { formatPrice, onLangChange, translator } from "../shared/i18n.js";
import { orderDay as day, type Order } from "../shared/order-card.js";
import { say } from "./ui.js";
import { errorText } from "./ui.js";

const t = translator({
  es: {
    title: "Pedido", lookup: "Buscar pedido", placeholder: "Número de pedido", search: "Buscar", loading: "Buscando {number}…",
    status: "Estado", placedAt: "Hecho el", delivery: "Entrega", items: "Artículos", total: "Total", close: "Cerrar",
    keyed: "Marcado por el cliente en la llamada", share: "Enviar al cliente", sharing: "Enviando…", shared: "Pedido {number} enviado al cliente.",
  },
  en: {
    title: "Order", lookup: "Look up an order", placeholder: "Order number", search: "Look up", loading: "Looking up {number}…",
    status: "Status", placedAt: "Placed", delivery: "Delivery", items: "Items", total: "Total", close: "Close",
    keyed: "Keyed by the caller on the phone", share: "Share with customer", sharing: "Sharing…", shared: "Order {number} shared with the customer.",
  },
});


export interface OrderBox {
  readonly element: HTMLElement;
  /** False once the session is not the agent's to act in (ended, transferred). */
  setEnabled(enabled: boolean): void;
  destroy(): void;
}

/** The lookup box and card of one session; listens for clicks on the order marks inside `chat`. */
export function orderBox(connection: CovisorConnection, sessionId: string, chat: HTMLElement): OrderBox {
  const titleId = `orders-${sessionId}`;
  const heading = h("h3", { id: titleId, class: "tool-title" });
  const input = h("input", { type: "text", class: "input", maxlength: "64", autocomplete: "off", "data-testid": "agent-order-input" });
  const search = h("button", { type: "submit", "data-testid": "agent-order-search" });
  const form = h("form", { class: "row order-lookup" }, input, search);
  const card = h("div", { class: "order-card", "data-testid": "agent-order-card", "aria-live": "polite", hidden: true });
  const element = h("section", { class: "tool order-box", "aria-labelledby": titleId, "data-testid": "agent-order-box" }, heading, form, card);
  let shown: { number: string; order: Order | null; message: string | null; keyed: boolean } | null = null;
  let asked = 0;
  let sharing = false;
  let enabled = true;

  function row(label: string, value: string, testId: string): HTMLElement {
    return h("div", { class: "order-row" }, h("dt", null, label), h("dd", { "data-testid": testId }, value));
  }

  function render(): void {
    heading.textContent = t("lookup");
    input.placeholder = t("placeholder");
    input.setAttribute("aria-label", t("placeholder"));
    search.textContent = t("search");
    card.hidden = shown === null;
    if (shown === null) return;
    const close = h("button", { type: "button", class: "order-close", "aria-label": t("close"), "data-testid": "agent-order-close" }, "×");
    close.addEventListener("click", () => { shown = null; render(); });
    const head = h("div", { class: "order-head" },
      h("strong", { "data-testid": "agent-order-number" }, `${t("title")} ${shown.number}`), close);
    const keyed = shown.keyed ? h("p", { class: "order-keyed", "data-testid": "agent-order-keyed" }, t("keyed")) : "";
    const { order, message } = shown;
    if (order === null) {
      card.replaceChildren(head, keyed, h("p", { class: "order-message", "data-testid": "agent-order-message" }, message ?? t("loading", { number: shown.number })));
      return;
    }
    const facts = h("dl", { class: "order-facts" }, row(t("status"), order.status, "agent-order-status"));
    if (order.placedAt) facts.append(row(t("placedAt"), day(order.placedAt), "agent-order-placed"));
    if (order.deliveryDate) facts.append(row(t("delivery"), day(order.deliveryDate), "agent-order-delivery"));
    const items = h("ul", { class: "order-items", "aria-label": t("items") }, ...order.items.map(item =>
      h("li", { class: "order-item", "data-testid": "agent-order-item" },
        h("span", { class: "order-qty" }, `${item.quantity} ×`),
        h("span", { class: "order-title" }, item.title),
        item.price === null ? "" : h("span", { class: "order-price" }, formatPrice(item.price, order.currency)))));
    card.replaceChildren(head, keyed, facts, items);
    if (order.total !== null) {
      card.append(h("p", { class: "order-total", "data-testid": "agent-order-total" }, `${t("total")}: ${formatPrice(order.total, order.currency)}`));
    }
    const share = h("button", { type: "button", class: "button order-share", "data-testid": "agent-order-share" }, sharing ? t("sharing") : t("share"));
    share.disabled = sharing || !enabled;
    share.addEventListener("click", () => shareOrder(order.number));
    card.append(share);
  }

  // One click: the host checks the number again and sends the card (or, in a conversation, a summary).
  function shareOrder(number: string): void {
    sharing = true;
    render();
    void connection.invoke<number>("ShareOrder", sessionId, number)
      .then(() => say(t("shared", { number }), "info"))
      .catch((error: unknown) => say(connection.humanError(error), "error"))
      .finally(() => { sharing = false; render(); });
  }

  function open(number: string, typed: boolean, keyed = false): void {
    const ask = ++asked;
    shown = { number, order: null, message: null, keyed };
    render();
    const path = `/api/orders/${encodeURIComponent(number)}?sessionId=${encodeURIComponent(sessionId)}`;
    void api<Order>(path, { method: typed ? "POST" : "GET" })
      .then(order => { if (ask === asked) shown = { number, order, message: null, keyed }; })
      .catch((error: unknown) => { if (ask === asked) shown = { number, order: null, message: errorText(error), keyed }; })
      .finally(() => {
        if (ask !== asked) return;
        render();
        // On a phone the tools are below the chat: bring the card into view.
        card.scrollIntoView({ block: "nearest" });
      });
  }

  const onClick = (event: Event): void => {
    const mark = (event.target as Element | null)?.closest?.("mark.pc-order");
    const number = mark?.getAttribute("data-order");
    if (number) open(number, false);
  };
  chat.addEventListener("click", onClick);
  form.addEventListener("submit", event => {
    event.preventDefault();
    const number = input.value.trim();
    if (number) open(number, true);
  });
  const onEvent = (event: CovisorEvent): void => {
    // Only while no other card is open: the agent's own choice is not pushed aside.
    if (event.kind === "order.keyed" && typeof event.data.number === "string" && shown === null) open(event.data.number, false, true);
  };
  const off = [onLangChange(() => render()), connection.onSessionEvent(sessionId, onEvent)];
  render();
  return {
    element,
    setEnabled(value: boolean) { enabled = value; render(); },
    destroy() { for (const stop of off) stop(); chat.removeEventListener("click", onClick); },
  };
}

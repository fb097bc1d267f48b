// An order card as both sides see it in the chat when the agent shares one (order.card events,
// hub ShareOrder): number, status, delivery day, items and total, in the page's language.
// Built as text nodes only: the order is the shop's data, never markup.

import { h } from "./dom";
import type { components } from "../generated/rest";
import { formatPrice, locale, translator } from "./i18n";

const t = translator({
  es: { title: "Pedido", status: "Estado", delivery: "Entrega", items: "Artículos", total: "Total" },
  en: { title: "Order", status: "Status", delivery: "Delivery", items: "Items", total: "Total" },
});

export type OrderItem = components["schemas"]["OrderItem"];
export type Order = components["schemas"]["Order"];

/** A date (yyyy-MM-dd: that calendar day wherever the reader is) or a moment, in the page's locale. */
export function orderDay(value: string): string {
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString(locale(), { dateStyle: "medium", timeZone: value.length === 10 ? "UTC" : undefined });
}

/** The card of a shared order; fields that are not what they should be are left out. */
export function orderCard(order: Partial<Order> | null | undefined): HTMLElement {
  const currency = typeof order?.currency === "string" ? order.currency : "";
  const items = Array.isArray(order?.items) ? order.items : [];
  const fact = (label: string, value: string, testId: string): HTMLElement =>
    h("div", { class: "pc-order-fact" }, h("dt", null, label), h("dd", { "data-testid": testId }, value));
  const facts = h("dl", { class: "pc-order-facts" }, fact(t("status"), String(order?.status ?? ""), "pc-order-status"));
  if (typeof order?.deliveryDate === "string") facts.append(fact(t("delivery"), orderDay(order.deliveryDate), "pc-order-delivery"));
  return h("article", { class: "pc-card pc-order-card", "data-testid": "pc-order-card", "data-order": String(order?.number ?? "") },
    h("div", { class: "pc-card-body" },
      h("h3", { class: "pc-card-title" }, `${t("title")} ${String(order?.number ?? "")}`),
      facts,
      h("ul", { class: "pc-order-items", "aria-label": t("items") }, ...items.map(item =>
        h("li", { "data-testid": "pc-order-item" },
          `${Number(item?.quantity ?? 0)} × ${String(item?.title ?? "")}`,
          typeof item?.price === "number" && currency ? ` · ${formatPrice(item.price, currency)}` : ""))),
      typeof order?.total === "number" && currency
        ? h("p", { class: "pc-card-price", "data-testid": "pc-order-total" }, `${t("total")}: ${formatPrice(order.total, currency)}`)
        : null));
}

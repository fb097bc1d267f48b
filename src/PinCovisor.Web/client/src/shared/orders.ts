// Order numbers the server found in a chat line (data.orders: [{ start, length, number }], UTF-16
// offsets into data.text), shown as <mark class="pc-order">. Built as text nodes: never markup.

import { h } from "./dom";

interface OrderMention {
  start: number;
  length: number;
  number: string;
}

function mentions(value: unknown, text: string): OrderMention[] {
  if (!Array.isArray(value)) return [];
  const valid: OrderMention[] = [];
  let end = 0;
  for (const item of value as Array<Partial<OrderMention> | null>) {
    const start = Number(item?.start);
    const length = Number(item?.length);
    // Skip anything that does not fit the text or overlaps the one before: the text is what counts.
    if (!Number.isInteger(start) || !Number.isInteger(length) || length <= 0 || start < end || start + length > text.length) continue;
    valid.push({ start, length, number: String(item?.number ?? "") });
    end = start + length;
  }
  return valid;
}

/** The line's text as nodes, each order number in a mark. */
export function markOrders(text: string, orders: unknown): Array<string | HTMLElement> {
  const parts: Array<string | HTMLElement> = [];
  let at = 0;
  for (const { start, length, number } of mentions(orders, text)) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(h("mark", { class: "pc-order", "data-testid": "pc-order", "data-order": number }, text.slice(start, start + length)));
    at = start + length;
  }
  if (at < text.length || parts.length === 0) parts.push(text.slice(at));
  return parts;
}

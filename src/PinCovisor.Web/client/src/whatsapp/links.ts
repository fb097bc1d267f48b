// Links in a message's text become tappable, as WhatsApp shows them: the shop's covisor link must
// open from the simulated phone. Only http(s) URLs; the rest stays text (never HTML).
import { h } from "../shared/dom";

const url = /https?:\/\/[^\s<>"]+/g;
// A sentence's final punctuation is not part of the link.
const trailing = /[.,;:!?)]+$/;

export function linkified(text: string): (string | HTMLElement)[] {
  const parts: (string | HTMLElement)[] = [];
  let last = 0;
  for (const match of text.matchAll(url)) {
    const href = match[0].replace(trailing, "");
    const start = match.index;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(h("a", { class: "wa-link", href, target: "_blank", rel: "noopener noreferrer", "data-testid": "wa-link" }, href));
    last = start + href.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

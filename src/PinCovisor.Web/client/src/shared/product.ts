// A product card as both sides see it when the agent shares one (product.card events).

import type { Product } from "./contracts";
import { h } from "./dom";
import { formatPrice, translator } from "./i18n";

const t = translator({
  es: { view: "Ver producto", newTab: "(se abre en una pestaña nueva)" },
  en: { view: "View product", newTab: "(opens in a new tab)" },
});

/** Only absolute http(s) links reach a card (the catalog already filters them; this guards the page too). */
export function safeUrl(url: string | null | undefined, base: string): string | null {
  if (!url) return null;
  try {
    // Relative links (a feed of the host's own pictures) are the host's: the page or widget's base.
    const parsed = new URL(url, base || location.href);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A card for one product; relative links resolve against <paramref name="baseUrl"/> (the host's origin). */
export function productCard(product: Product, baseUrl = ""): HTMLElement {
  const image = safeUrl(product.imageUrl, baseUrl);
  const page = safeUrl(product.pageUrl, baseUrl);
  const price = typeof product.price === "number" && product.currency ? formatPrice(product.price, product.currency) : null;
  const link = page
    ? h("a", { class: "pc-card-link", href: page, target: "_blank", rel: "noopener noreferrer" },
      t("view"), h("span", { class: "visually-hidden" }, ` ${t("newTab")}`))
    : null;
  return h("article", { class: "pc-card", "data-testid": "pc-product-card", "data-product-id": product.id },
    image ? h("img", { class: "pc-card-image", src: image, alt: "", loading: "lazy", referrerpolicy: "no-referrer" }) : null,
    h("div", { class: "pc-card-body" },
      h("h3", { class: "pc-card-title" }, product.title),
      price ? h("p", { class: "pc-card-price" }, price) : null,
      link));
}

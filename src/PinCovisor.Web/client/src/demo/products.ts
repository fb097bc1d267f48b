// The shop's product tiles, read from the same feed the agents search (Catalog:Feed), so what the
// customer sees on the page is what the agent can share.
import { api } from "../shared/api";
import { h } from "../shared/dom";
import { formatPrice, lang } from "../shared/i18n";
import { t } from "./strings";

/** One entry of wwwroot/demo/catalog.json: the catalog fields plus the page's own texts. */
export interface DemoProduct {
  id: string;
  title: string;
  title_en?: string;
  price?: number;
  currency?: string;
  imageUrl?: string;
  description_es?: string;
  description_en?: string;
}

export function loadProducts(): Promise<DemoProduct[]> {
  return api<DemoProduct[]>("/demo/catalog.json");
}

export function productTile(product: DemoProduct, onAdd: (product: DemoProduct) => void): HTMLElement {
  const title = lang() === "en" && product.title_en ? product.title_en : product.title;
  const description = (lang() === "en" ? product.description_en : product.description_es) ?? "";
  const add = h("button", { type: "button", class: "demo-add" }, t("add"));
  add.addEventListener("click", () => onAdd(product));
  return h("article", { class: "demo-product", id: product.id, "data-testid": "demo-product", "data-product-id": product.id },
    h("div", { class: "demo-product-picture" },
      product.imageUrl ? h("img", { src: product.imageUrl, alt: title, width: 600, height: 600 }) : null),
    h("div", { class: "demo-product-body" },
      h("h3", null, title),
      h("p", { class: "demo-product-description" }, description),
      h("div", { class: "demo-product-foot" },
        h("span", { class: "demo-price" }, product.price === undefined ? "" : formatPrice(product.price, product.currency ?? "EUR")),
        add)));
}

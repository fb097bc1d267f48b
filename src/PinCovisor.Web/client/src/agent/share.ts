// What the agent can put in front of the customer besides chat: catalog products (as a card or as
// the shared picture) and the shop's videos.
import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { formatPrice, onLangChange } from "../shared/i18n.js";
import type { Product } from "../shared/contracts.js";
import type { Video } from "./types.js";
import { debounce } from "./poll.js";
import { T, t, i18nAttrs } from "./strings.js";
import { button, empty, errorText, say } from "./ui.js";
import { icon } from "./icons.js";

export interface ShareActions {
  product(productId: string): Promise<void>;
  image(productId: string): Promise<void>;
  video(videoId: string): Promise<void>;
}

/** Runs a share action with its button disabled meanwhile, and says how it went. */
async function run(control: HTMLButtonElement, action: () => Promise<void>): Promise<void> {
  control.disabled = true;
  try {
    await action();
    say(t("shared"));
  } catch (error) {
    say(errorText(error), "error");
  } finally {
    control.disabled = false;
  }
}

export function catalogBox(sessionId: string, actions: ShareActions): HTMLElement {
  const inputId = `agent-catalog-${sessionId}`;
  const input = h("input", {
    id: inputId, type: "search", class: "input", autocomplete: "off", enterkeyhint: "search",
    "data-testid": "agent-catalog-search", ...i18nAttrs({ placeholder: "catalogPlaceholder" }),
  });
  const results = h("ul", { class: "results", "aria-live": "polite" }, h("li", null, empty("catalogHint")));
  let latest: Product[] = [];
  let query = "";

  function render(): void {
    if (!query) {
      results.replaceChildren(h("li", null, empty("catalogHint")));
      return;
    }
    if (latest.length === 0) {
      results.replaceChildren(h("li", null, empty("catalogEmpty")));
      return;
    }
    results.replaceChildren(...latest.map(product => {
      const card = button("shareProduct", null, { class: "secondary small", "data-testid": "agent-share-product", "aria-label": t("shareProductLabel", { title: product.title }) });
      const image = button("shareImage", null, { class: "primary small", "data-testid": "agent-share-image", "aria-label": t("shareImageLabel", { title: product.title }) });
      image.disabled = !product.imageUrl;
      card.addEventListener("click", () => void run(card, () => actions.product(product.id)));
      image.addEventListener("click", () => void run(image, () => actions.image(product.id)));
      const price = typeof product.price === "number" && product.currency ? formatPrice(product.price, product.currency) : null;
      return h("li", { class: "result", "data-testid": "agent-catalog-result", "data-product-id": product.id },
        product.imageUrl
          ? h("img", { class: "thumb", src: product.imageUrl, alt: "", loading: "lazy", referrerpolicy: "no-referrer" })
          : h("span", { class: "thumb placeholder", "aria-hidden": "true" }),
        h("span", { class: "result-text" },
          h("span", { class: "result-title" }, product.title),
          h("span", { class: "result-meta" }, price ? `${price} · ` : "", product.id)),
        h("span", { class: "result-actions" }, card, image));
    }));
  }

  const search = debounce(async () => {
    const q = input.value.trim();
    query = q;
    if (!q) { latest = []; render(); return; }
    try {
      const found = await api<Product[]>(`/api/catalog/search?q=${encodeURIComponent(q.slice(0, 200))}&limit=12`);
      if (q === query) { latest = found; render(); }
    } catch (error) {
      if (q === query) results.replaceChildren(h("li", null, h("p", { class: "empty error" }, errorText(error))));
    }
  }, 250);
  input.addEventListener("input", search);
  onLangChange(render);

  return h("section", { class: "tool catalog", "aria-labelledby": `${inputId}-title` },
    h("h3", { id: `${inputId}-title`, class: "tool-title" }, icon("search", 16), T("catalog")),
    h("label", { for: inputId, class: "visually-hidden", "data-i18n": "catalogSearch" }, t("catalogSearch")),
    input, results);
}

let videos: Promise<Video[]> | null = null;

export function videoBox(sessionId: string, actions: ShareActions): HTMLElement {
  const selectId = `agent-video-${sessionId}`;
  const select = h("select", { id: selectId, class: "input", "data-testid": "agent-video-select" });
  const load = button("videoLoad", "play", { class: "primary small", "data-testid": "agent-video-load" });
  load.disabled = true;
  load.addEventListener("click", () => {
    if (select.value) void run(load, () => actions.video(select.value));
  });
  videos ??= api<Video[]>("/api/videos").catch(() => { videos = null; return []; });
  void videos.then(list => {
    if (list.length === 0) {
      select.replaceChildren(h("option", { value: "", "data-i18n": "videoNone" }, t("videoNone")));
      select.disabled = true;
      return;
    }
    select.replaceChildren(...list.map(v => h("option", { value: v.id }, v.title)));
    load.disabled = false;
  });
  return h("section", { class: "tool video", "aria-labelledby": `${selectId}-title` },
    h("h3", { id: `${selectId}-title`, class: "tool-title" }, icon("play", 16), T("video")),
    h("label", { for: selectId, class: "visually-hidden", "data-i18n": "videoSelect" }, t("videoSelect")),
    h("div", { class: "row" }, select, load));
}

// The demo shop at /demo: a small home-goods shop with the real widget (<script src="/widget.js">)
// and a way into the phone simulator. Development only.
import { $, clear, h } from "../shared/dom";
import { lang, onLangChange, setLang } from "../shared/i18n";
import { loadProducts, productTile, type DemoProduct } from "./products";
import { t, type DemoKey } from "./strings";
import { applyTexts } from "./texts";

let products: DemoProduct[] | null = null;
let failed = false;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

function toast(message: string): void {
  const box = $(document, "#demo-toast");
  box.textContent = message;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, 4000);
}

function translateStatic(): void {
  document.documentElement.lang = lang();
  document.title = t("title");
  applyTexts<DemoKey>(document, t);
  // The one step with a link in it.
  const agentStep = $(document, "#demo-how-agent");
  const [before, after] = t("how4").split("{agent}");
  agentStep.replaceChildren(before ?? "", h("a", { href: "/agent", target: "_blank", rel: "noopener" }, t("howAgent")), after ?? "");
  const switcher = $(document, "[data-testid='demo-lang']");
  switcher.textContent = t("langSwitch");
  // The switch names the other language in that language.
  switcher.lang = lang() === "es" ? "en" : "es";
}

function renderProducts(): void {
  const grid = $(document, "#demo-products");
  clear(grid);
  if (failed) {
    grid.append(h("p", { class: "demo-empty", role: "alert" }, t("loadFailed")));
  } else if (!products) {
    grid.append(h("p", { class: "demo-empty" }, t("loading")));
  } else {
    for (const product of products) {
      grid.append(productTile(product, () => toast(t("added"))));
    }
  }
}

function render(): void {
  translateStatic();
  renderProducts();
}

function start(): void {
  $(document, "[data-testid='demo-lang']").addEventListener("click", () => {
    const next = lang() === "es" ? "en" : "es";
    setLang(next);
    // The widget reads ?lang= when it starts; keep the address in step for the next page load.
    const url = new URL(location.href);
    url.searchParams.set("lang", next);
    history.replaceState(null, "", url);
  });
  onLangChange(render);
  render();
  loadProducts()
    .then(list => { products = list; })
    .catch(() => { failed = true; })
    .finally(renderProducts);
}

start();

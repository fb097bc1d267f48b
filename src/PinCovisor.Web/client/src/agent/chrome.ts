// The pieces every console screen carries: the brand and the language switch.
import { h } from "../shared/dom.js";
import { lang, setLang } from "../shared/i18n.js";
import { t, i18nAttrs } from "./strings.js";

/** The visible language switch every page carries. */
export function langSwitch(): HTMLButtonElement {
  const button = h("button", { type: "button", class: "icon-button lang", "data-testid": "pc-lang", ...i18nAttrs({ "aria-label": "switchLang", title: "switchLang" }) },
    h("span", { "data-i18n": "langShort", "aria-hidden": "true" }, t("langShort")));
  button.addEventListener("click", () => setLang(lang() === "es" ? "en" : "es"));
  return button;
}

export function brand(): HTMLElement {
  return h("div", { class: "brand" },
    h("img", { src: "/agent/icon.svg", alt: "", width: 32, height: 32 }),
    h("span", { class: "brand-text" },
      h("span", { class: "brand-name" }, "PhoneBridge"),
      h("span", { class: "brand-sub", "data-i18n": "brandSub" }, t("brandSub"))));
}

// Fills every [data-t] element of a static page with its text in the current language.

export function applyTexts<K extends string>(root: ParentNode, t: (key: K) => string): void {
  for (const element of root.querySelectorAll<HTMLElement>("[data-t]")) {
    element.textContent = t(element.dataset.t as K);
  }
  for (const element of root.querySelectorAll<HTMLElement>("[data-t-label]")) {
    element.setAttribute("aria-label", t(element.dataset.tLabel as K));
  }
}

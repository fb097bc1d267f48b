// Tiny DOM helpers. Text always goes in as text (textContent), never as markup.

type Attributes = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | null | undefined | false;

/**
 * Creates an element: <c>h("button", { type: "button", class: "primary" }, "Send")</c>.
 * Attributes named on* are refused: handlers are attached with addEventListener.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes?: Attributes | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (attributes) {
    for (const [name, value] of Object.entries(attributes)) {
      if (name.startsWith("on")) throw new Error(`h(): use addEventListener, not ${name}`);
      if (value === null || value === undefined || value === false) continue;
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(element, ...children);
  return element;
}

/** Appends children, strings as text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** Removes every child. */
export function clear(element: Element): void {
  element.replaceChildren();
}

/** The element matching <paramref name="selector"/> under <paramref name="root"/>, or an error naming it. */
/**
 * Puts the children in the parent unless what is there already looks the same: a list
 * rendered again on every poll would otherwise swap the node under a pointer, and a press that began
 * on the old one would not be a click on the new one.
 */
export function replaceChildrenIfChanged(parent: Element, ...children: Element[]): void {
  const current = parent.children;
  if (current.length === children.length && children.every((child, i) => child.isEqualNode(current[i] ?? null))) return;
  parent.replaceChildren(...children);
}

export function $<E extends Element = HTMLElement>(root: ParentNode, selector: string): E {
  const found = root.querySelector<E>(selector);
  if (!found) throw new Error(`missing element ${selector}`);
  return found;
}

/** Announces a message to screen readers through a polite live region under <paramref name="root"/>. */
export function announce(root: ParentNode & Node, message: string): void {
  let region = root.querySelector<HTMLElement>("[data-announcer]");
  if (!region) {
    region = h("div", { "data-announcer": "", "aria-live": "polite", class: "visually-hidden" });
    root.appendChild(region);
  }
  region.textContent = "";
  // A fresh text node makes screen readers speak repeated messages too.
  setTimeout(() => { if (region) region.textContent = message; }, 30);
}

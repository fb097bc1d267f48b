// Building blocks the console's panels share: a titled sidebar panel with a count, a modal dialog,
// buttons with an icon and words, and a polite status line.
import { h, announce } from "../shared/dom.js";
import { T, t, type Key } from "./strings.js";
import { icon, type IconName } from "./icons.js";

export interface Panel {
  readonly element: HTMLElement;
  readonly body: HTMLElement;
  setCount(count: number): void;
}

/** A sidebar panel: heading with an icon and a count, then its body. */
export function panel(id: string, titleKey: Key, iconName: IconName, testId: string): Panel {
  const count = h("span", { class: "count", hidden: true });
  const heading = h("h2", { id: `${id}-title`, class: "panel-title" }, icon(iconName, 18), T(titleKey), count);
  const body = h("div", { class: "panel-body", "data-testid": testId });
  const element = h("section", { id, class: "panel", "aria-labelledby": `${id}-title` }, heading, body);
  return {
    element,
    body,
    setCount(n: number) {
      count.textContent = String(n);
      count.hidden = n === 0;
    },
  };
}

/** A button with an icon and words (the words may be visually hidden on narrow screens). */
export function button(key: Key, iconName: IconName | null, attributes: Record<string, string> = {}): HTMLButtonElement {
  const label = T(key);
  label.classList.add("label");
  return h("button", { type: "button", ...attributes }, iconName ? icon(iconName, 18) : null, label);
}

/** An empty-state line. */
export function empty(key: Key): HTMLParagraphElement {
  return h("p", { class: "empty" }, T(key));
}

/** Speaks a short outcome to screen readers and shows it in the console's status line. */
export function say(message: string, kind: "info" | "error" = "info"): void {
  const line = document.querySelector<HTMLElement>("#agent-status");
  if (line) {
    line.textContent = message;
    line.dataset.kind = kind;
    line.hidden = false;
    clearTimeout(Number(line.dataset.timer));
    line.dataset.timer = String(setTimeout(() => { line.hidden = true; }, kind === "error" ? 8000 : 4000));
    return; // the line is a status region: screen readers hear it
  }
  announce(document.body, message);
}

/** The human text of an API or hub error. */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const detail = (error as { detail?: unknown }).detail;
    return typeof detail === "string" && detail ? detail : error.message;
  }
  return String(error);
}

export interface DialogOptions {
  title: Key;
  lead: Key;
  confirm: Key;
  danger?: boolean;
  testId: string;
  /** Extra content between the text and the buttons (a select, say). */
  content?: HTMLElement;
}

/** A modal dialog (the native element traps focus and closes on Esc). Resolves true when confirmed. */
export function confirmDialog(options: DialogOptions): Promise<boolean> {
  const titleId = `dlg-${Math.random().toString(36).slice(2)}`;
  const ok = h("button", { type: "submit", value: "ok", class: options.danger ? "danger" : "primary", "data-testid": `${options.testId}-confirm` }, t(options.confirm));
  const cancel = h("button", { type: "submit", value: "cancel", class: "secondary", formnovalidate: true }, t("cancel"));
  const form = h("form", { method: "dialog" },
    h("h2", { id: titleId }, t(options.title)),
    h("p", { class: "lead" }, t(options.lead)),
    options.content ?? null,
    h("div", { class: "dialog-actions" }, cancel, ok));
  const dialog = h("dialog", { class: "dialog", "aria-labelledby": titleId, "data-testid": options.testId }, form);
  document.body.appendChild(dialog);
  return new Promise(resolve => {
    dialog.addEventListener("close", () => {
      resolve(dialog.returnValue === "ok");
      dialog.remove();
    });
    dialog.showModal();
    (options.content?.querySelector<HTMLElement>("select, input") ?? cancel).focus();
  });
}

/** "3 min ago"-style age of a time, in the UI language. */
export function ago(at: string, now = Date.now()): string {
  const seconds = Math.max(0, (now - Date.parse(at)) / 1000);
  return seconds < 60 ? t("secondsShort", { n: Math.floor(seconds) }) : t("minutesShort", { n: Math.floor(seconds / 60) });
}

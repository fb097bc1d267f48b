// The PIN form: one numeric field that takes pasted codes with spaces or dashes, and keeps what
// was typed when joining fails. After too many tries it stays closed, counting down until the host
// takes codes from this connection again.

import { h } from "../shared/dom";
import { formatProblem, pinLength } from "./session";
import { t } from "./text";

export interface PinFormOptions {
  value: string;
  error: string;
  onInput: (value: string) => void;
  onSubmit: (value: string) => void;
  /** When the host takes codes again (epoch ms), after answering 429; the form stays closed until then. */
  retryAt?: number;
  /** Called once the wait is over. */
  onRetryOpen?: () => void;
}

let instances = 0;

export function pinForm(options: PinFormOptions): HTMLElement {
  const id = `pc-pin-${++instances}`;
  const input = h("input", {
    id, class: "pc-pin-input", "data-testid": "pc-pin-input", type: "text", inputmode: "numeric", pattern: "[0-9]*",
    autocomplete: "one-time-code", enterkeyhint: "go", maxlength: 24, spellcheck: "false", required: true,
    "aria-describedby": `${id}-error ${id}-note`, "aria-invalid": options.error ? "true" : null,
  });
  input.value = options.value;
  const error = h("p", { id: `${id}-error`, class: "pc-error", "data-testid": "pc-error", role: "alert", hidden: !options.error }, options.error);
  const submit = h("button", { type: "submit", class: "pc-button pc-pin-submit", "data-testid": "pc-pin-submit" }, t("pinSubmit"));
  const form = h("form", { class: "pc-step pc-pin", novalidate: true },
    h("h2", { class: "pc-lead" }, t("pinTitle")),
    h("p", { class: "pc-muted" }, t("pinLead")),
    h("label", { class: "pc-field-label", for: id }, t("pinLabel")),
    input, error, submit,
    h("p", { class: "pc-note", id: `${id}-note` }, t("pinNote")));

  // Pasted "482 917" or "482-917" become digits; anything else typed is dropped as it comes.
  input.addEventListener("input", () => {
    const digits = input.value.replace(/\D/g, "").slice(0, pinLength.max);
    if (digits !== input.value) input.value = digits;
    options.onInput(digits);
  });
  form.addEventListener("submit", event => {
    event.preventDefault();
    const digits = input.value.replace(/\D/g, "");
    if (digits.length < pinLength.min || digits.length > pinLength.max) {
      error.textContent = formatProblem();
      error.hidden = false;
      input.setAttribute("aria-invalid", "true");
      input.focus();
      return;
    }
    options.onSubmit(digits);
  });
  if (options.retryAt && options.retryAt > Date.now()) closeUntil(options.retryAt, submit, form, options.onRetryOpen);
  return form;
}

function closeUntil(retryAt: number, submit: HTMLButtonElement, form: HTMLFormElement, opened?: () => void): void {
  const wait = h("p", { class: "pc-error pc-wait", "data-testid": "pc-pin-wait", role: "alert" });
  const clock = h("span", { class: "pc-wait-clock", "data-testid": "pc-pin-wait-clock", "aria-hidden": "true" });
  submit.disabled = true;
  submit.before(wait);
  wait.textContent = t("waitText");
  submit.append(" ", clock);
  let shown = false;
  const tick = (): void => {
    // A form replaced by another (a new render) stops counting.
    if (form.isConnected) shown = true;
    else if (shown) return void clearInterval(timer);
    const left = retryAt - Date.now();
    if (left <= 0) {
      clearInterval(timer);
      submit.disabled = false;
      wait.remove();
      clock.remove();
      opened?.();
      return;
    }
    clock.textContent = `(${clockText(retryAt)})`;
  };
  const timer = setInterval(tick, 1000);
  tick();
}

/** "9:42": minutes and seconds left until <paramref name="at"/>. */
function clockText(at: number): string {
  const seconds = Math.max(0, Math.ceil((at - Date.now()) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

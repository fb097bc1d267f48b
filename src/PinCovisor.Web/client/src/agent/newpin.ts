// A fresh PIN for a call the agent is on: the caller's code was used by a device the agent turned
// away (or the caller lost it), so the agent reads a new one out; the old one stops working.
import { api } from "../shared/api.js";
import type { components } from "../generated/rest.js";
import { h } from "../shared/dom.js";
import { formatTime } from "../shared/i18n.js";
import type { LiveCall } from "./types.js";
import { t } from "./strings.js";
import { button, errorText, say } from "./ui.js";

type NewPin = components["schemas"]["NewPinResponse"];

/** "123 456": groups of three are easier to read out over the phone. */
function spaced(digits: string): string {
  return digits.replace(/(\d{3})(?=\d)/g, "$1 ");
}

/** The call row's "New code" action. */
export function newPinButton(call: LiveCall, issued: () => void): HTMLButtonElement {
  const action = button("newPin", "code", {
    class: "secondary small", "data-testid": "agent-call-new-pin", "aria-label": t("newPinLabel"), title: t("newPinLabel"),
  });
  action.addEventListener("click", async () => {
    action.disabled = true;
    try {
      const fresh = await api<NewPin>(`/api/calls/${encodeURIComponent(call.callSid)}/pin`, { method: "POST" });
      show(fresh);
      issued();
    } catch (error) {
      say(errorText(error), "error");
    } finally {
      action.disabled = false;
    }
  });
  return action;
}

function show(fresh: NewPin): void {
  const titleId = `dlg-pin-${fresh.callSid}`;
  const done = h("button", { type: "submit", class: "primary", "data-testid": "agent-new-pin-close" }, t("newPinDone"));
  const dialog = h("dialog", { class: "dialog new-pin", "aria-labelledby": titleId, "data-testid": "agent-new-pin-dialog" },
    h("form", { method: "dialog" },
      h("h2", { id: titleId }, t("newPinTitle")),
      h("p", { class: "pin-digits", "data-testid": "agent-new-pin-digits", "data-pin": fresh.pin }, spaced(fresh.pin)),
      h("p", { class: "lead" }, t("newPinLead", { time: formatTime(fresh.expiresAt) })),
      h("div", { class: "dialog-actions" }, done)));
  document.body.appendChild(dialog);
  dialog.addEventListener("close", () => dialog.remove());
  dialog.showModal();
  done.focus();
}

// The one question a customer is asked when the agent ends the session: a score from 1 to 5, an
// optional comment, Send, then thanks. The token comes in the customer's copy of session.ended
// (their session token is revoked by then); the comment is sent and shown as plain text.

import { api, ApiError } from "../shared/api";
import { announce, h } from "../shared/dom";
import { onLangChange } from "../shared/i18n";
import { t } from "./text";

export interface CsatForm {
  readonly element: HTMLElement;
  destroy(): void;
}

let formCount = 0;

export function createCsatForm(baseUrl: string, token: string, maxComment: number): CsatForm {
  const id = `pc-csat-${++formCount}`;
  let score = 0;
  let sending = false;
  const title = h("h3", { class: "pc-csat-title", id: `${id}-title` });
  const scores = [1, 2, 3, 4, 5].map(value => {
    const button = h("button", { type: "button", class: "pc-csat-score", "aria-pressed": "false", "data-score": String(value), "data-testid": `pc-csat-${value}` }, String(value));
    button.addEventListener("click", () => choose(value));
    return button;
  });
  const scale = h("div", { class: "pc-csat-scale", role: "group", "aria-labelledby": `${id}-title` }, ...scores);
  const hint = h("p", { class: "pc-csat-hint pc-muted", "aria-hidden": "true" });
  const commentLabel = h("label", { for: `${id}-comment`, class: "pc-csat-label" });
  const comment = h("textarea", { id: `${id}-comment`, class: "pc-csat-comment", rows: "3", maxlength: String(maxComment), "data-testid": "pc-csat-comment" });
  const send = h("button", { type: "submit", class: "pc-button", disabled: true, "data-testid": "pc-csat-send" });
  const error = h("p", { class: "pc-csat-error", role: "alert", hidden: true });
  const form = h("form", { class: "pc-csat-form", novalidate: true }, scale, hint, commentLabel, comment, error, send);
  const element = h("section", { class: "pc-csat", "data-testid": "pc-csat", "aria-labelledby": `${id}-title` }, title, form);

  function label(): void {
    title.textContent = t("csatQuestion");
    hint.textContent = t("csatHint");
    scores.forEach((button, i) => button.setAttribute("aria-label", t("csatScore", { score: i + 1 })));
    commentLabel.textContent = t("csatComment");
    send.textContent = t("csatSend");
    const thanks = element.querySelector(".pc-csat-thanks");
    if (thanks) thanks.textContent = t("csatThanks");
  }

  function choose(value: number): void {
    score = value;
    scores.forEach((button, i) => button.setAttribute("aria-pressed", String(i + 1 === value)));
    send.disabled = sending;
  }

  function done(text: string): void {
    element.replaceChildren(h("p", { class: "pc-csat-thanks pc-lead", role: "status", "data-testid": "pc-csat-thanks" }, text));
  }

  form.addEventListener("submit", event => {
    event.preventDefault();
    if (!score || sending) return;
    sending = true;
    send.disabled = true;
    error.hidden = true;
    const text = comment.value.trim();
    void api<void>("/api/csat", { baseUrl, method: "POST", body: { token, score, comment: text || null } })
      .then(() => { done(t("csatThanks")); announce(element, t("csatThanks")); })
      .catch((failure: unknown) => {
        sending = false;
        // Rated already or too late: nothing left to send.
        if (failure instanceof ApiError && (failure.status === 404 || failure.status === 410)) { done(failure.detail ?? failure.title); return; }
        send.disabled = false;
        error.hidden = false;
        error.textContent = failure instanceof ApiError ? (failure.detail ?? failure.title) : t("csatFailed");
      });
  });

  const stop = onLangChange(() => label());
  label();
  return { element, destroy: stop };
}

// The sign-in form. A successful login sets the console cookie, which the APIs and the hub accept.
import { api, ApiError } from "../shared/api.js";
import { h } from "../shared/dom.js";
import type { LoginResponse, Me } from "./types.js";
import { T, t, duration } from "./strings.js";
import { brand, langSwitch } from "./chrome.js";

export function loginView(onSignedIn: (me: Me) => void): HTMLElement {
  const username = h("input", { id: "agent-login-username", name: "username", class: "input", autocomplete: "username", autocapitalize: "none", spellcheck: "false", required: true, "data-testid": "agent-login-username" });
  const password = h("input", { id: "agent-login-password", name: "password", type: "password", class: "input", autocomplete: "current-password", required: true, "data-testid": "agent-login-password" });
  const submit = h("button", { type: "submit", class: "primary wide", "data-testid": "agent-login-submit" }, T("signIn"));
  const error = h("p", { class: "form-error", role: "alert", "data-testid": "agent-login-error" });
  let retryTimer: ReturnType<typeof setInterval> | undefined;

  const form = h("form", { class: "login-form", novalidate: true },
    h("div", { class: "field" }, h("label", { for: username.id, "data-i18n": "username" }, t("username")), username),
    h("div", { class: "field" }, h("label", { for: password.id, "data-i18n": "password" }, t("password")), password),
    error, submit);

  function lockFor(seconds: number): void {
    clearInterval(retryTimer);
    let left = seconds;
    submit.disabled = true;
    const tick = () => {
      error.textContent = t("throttled", { time: duration(left) });
      if (left-- <= 0) {
        clearInterval(retryTimer);
        submit.disabled = false;
        error.textContent = "";
      }
    };
    tick();
    retryTimer = setInterval(tick, 1000);
  }

  form.addEventListener("submit", async event => {
    event.preventDefault();
    if (!username.value.trim()) { username.focus(); return; }
    if (!password.value) { password.focus(); return; }
    submit.disabled = true;
    submit.setAttribute("aria-busy", "true");
    error.textContent = "";
    try {
      const response = await api<LoginResponse>("/api/agents/login", { body: { username: username.value.trim(), password: password.value } });
      clearInterval(retryTimer);
      onSignedIn(response.agent);
    } catch (failure) {
      submit.disabled = false;
      if (failure instanceof ApiError && failure.status === 429) {
        lockFor(failure.retryAfterSeconds ?? 60);
      } else if (failure instanceof ApiError && failure.status === 401) {
        error.textContent = t("wrongLogin");
        password.select();
      } else if (failure instanceof ApiError) {
        error.textContent = failure.detail ?? failure.title;
      } else {
        error.textContent = t("offline");
      }
    } finally {
      submit.removeAttribute("aria-busy");
    }
  });

  queueMicrotask(() => username.focus());
  return h("main", { class: "login" },
    h("div", { class: "login-card" },
      h("div", { class: "login-top" }, brand(), langSwitch()),
      h("h1", { "data-i18n": "loginTitle" }, t("loginTitle")),
      h("p", { class: "lead", "data-i18n": "loginLead" }, t("loginLead")),
      form));
}

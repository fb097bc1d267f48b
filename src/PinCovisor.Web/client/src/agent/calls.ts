// Live calls: polled every few seconds (and on hub news), waiting times ticking between polls, and
// claiming a call by the PIN the caller reads out (shops whose calls do not come through the IVR).
import { api, ApiError } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { onLangChange } from "../shared/i18n.js";
import type { ClaimResponse, LiveCall, Me, SilentEnd } from "./types.js";
import { poll, type Poller } from "./poll.js";
import { T, t, callStatusText, duration, i18nAttrs } from "./strings.js";
import { panel, empty, say, errorText, type Panel } from "./ui.js";
import { icon } from "./icons.js";
import { newPinButton } from "./newpin.js";

export interface CallBoard {
  readonly panel: Panel;
  readonly poller: Poller;
  find(callSid: string | null): LiveCall | undefined;
  /** The caller's masked number, still known after the call left the live list (it ended). */
  numberOf(callSid: string | null): string | null;
  onChange(listener: () => void): void;
}

export function callBoard(me: Me, openSession: (sessionId: string) => void, sessionOfCall: (callSid: string) => string | undefined): CallBoard {
  const calls = panel("agent-calls-panel", "calls", "phone", "agent-calls");
  const list = h("ul", { class: "list" });
  let latest: LiveCall[] = [];
  // Calls the host ended for lack of news: listed a while after the live ones, saying why they left.
  let silentEnds: SilentEnd[] = [];
  let fetchedAt = performance.now();
  let loaded = false;
  const listeners = new Set<() => void>();
  const numbers = rememberedNumbers();

  const pin = h("input", {
    id: "agent-claim-pin", class: "input", inputmode: "numeric", autocomplete: "off", pattern: "[0-9]{4,10}",
    maxlength: 10, required: true, "data-testid": "agent-claim-pin", ...i18nAttrs({ placeholder: "claimPlaceholder" }),
  });
  const claimButton = h("button", { type: "submit", class: "secondary", "data-testid": "agent-claim" }, T("claim"));
  const claimForm = h("form", { class: "claim" },
    h("label", { for: "agent-claim-pin", class: "visually-hidden", "data-i18n": "claimLabel" }, t("claimLabel")),
    pin, claimButton);
  const claimHint = h("p", { class: "hint", "data-i18n": "claimHint" }, t("claimHint"));
  claimForm.addEventListener("submit", async event => {
    event.preventDefault();
    const digits = pin.value.replace(/\D/g, "");
    if (digits.length < 4) { pin.focus(); return; }
    claimButton.disabled = true;
    try {
      const claimed = await api<ClaimResponse>("/api/calls/claim", { body: { pin: digits } });
      pin.value = "";
      say(t("claimed"));
      board.poller.refresh();
      if (claimed.sessionId) openSession(claimed.sessionId);
    } catch (error) {
      say(error instanceof ApiError && error.status === 404 ? t("claimNotFound") : errorText(error), "error");
    } finally {
      claimButton.disabled = false;
    }
  });
  calls.body.append(list, claimForm, claimHint);

  function waited(call: LiveCall): number {
    return call.waitingSeconds + (performance.now() - fetchedAt) / 1000;
  }

  function render(): void {
    calls.setCount(latest.length);
    if (!loaded) return;
    const ended = silentEnds.map(call => h("li", {
      class: "item call", "data-testid": "agent-call-silent-end", "data-call-sid": call.callSid, "data-status": "completed",
    }, h("div", { class: "item-main" },
      h("span", { class: "item-title" }, icon("phone", 16), call.maskedFrom ?? t("unknownCaller")),
      h("span", { class: "item-meta" }, h("span", { class: "chip status-completed" }, callStatusText("completed"))),
      h("span", { class: "item-sub", role: "status" }, t("callEndedNoNews", { time: duration(call.noNewsSeconds) })))));
    if (latest.length === 0) {
      list.replaceChildren(h("li", null, empty("callsEmpty")), ...ended);
      return;
    }
    list.replaceChildren(...latest.map(call => {
      const sessionId = sessionOfCall(call.callSid);
      const pinKey = call.pinState === "live" ? "pinLive" : call.pinState === "redeemed" ? "pinRedeemed" : "pinNone";
      const answered = call.answeringAgent === me.username ? t("answeredByYou") : call.answeringAgent ? t("answeredBy", { name: call.answeringAgent }) : null;
      const timeKey = call.status === "in-progress" ? "inCallFor" : "waitingFor";
      const item = h("li", { class: "item call", "data-testid": "agent-call", "data-call-sid": call.callSid, "data-status": call.status },
        h("div", { class: "item-main" },
          h("span", { class: "item-title" }, icon("phone", 16), call.maskedFrom ?? t("unknownCaller")),
          h("span", { class: "item-meta" },
            h("span", { class: `chip status-${call.status}` }, callStatusText(call.status)),
            h("span", { class: `chip pin-${call.pinState}`, "data-pin-state": call.pinState }, t(pinKey)),
            h("span", { class: "waited", "data-waited": timeKey }, t(timeKey, { time: duration(waited(call)) }))),
          answered ? h("span", { class: "item-sub" }, answered) : null));
      if (call.answeringAgent === me.username && call.status === "in-progress") item.append(newPinButton(call, () => board.poller.refresh()));
      if (sessionId) {
        const open = h("button", { type: "button", class: "icon-button open", "data-testid": "agent-call-open", "aria-label": t("openSession"), title: t("openSession") }, icon("chat", 20));
        open.addEventListener("click", () => openSession(sessionId));
        item.append(open);
      }
      return item;
    }), ...ended);
  }

  // Waiting times tick between polls without redrawing the list.
  setInterval(() => {
    const items = list.querySelectorAll<HTMLElement>("[data-call-sid]");
    items.forEach((item, index) => {
      const call = latest[index];
      const span = item.querySelector<HTMLElement>("[data-waited]");
      if (call && span && call.callSid === item.dataset.callSid) span.textContent = t(span.dataset.waited === "inCallFor" ? "inCallFor" : "waitingFor", { time: duration(waited(call)) });
    });
  }, 1000);

  const board: CallBoard = {
    panel: calls,
    poller: poll(async () => {
      [latest, silentEnds] = await Promise.all([api<LiveCall[]>("/api/calls/live"), api<SilentEnd[]>("/api/calls/silent-ends")]);
      fetchedAt = performance.now();
      numbers.remember(latest);
      loaded = true;
      render();
      for (const listener of listeners) listener();
    }, 4000),
    find: callSid => (callSid ? latest.find(c => c.callSid === callSid) : undefined),
    numberOf: callSid => (callSid ? numbers.get(callSid) : null),
    onChange: listener => { listeners.add(listener); },
  };
  onLangChange(render);
  return board;
}

const numbersKey = "pb-agent-call-numbers";
const numbersKept = 50;

/**
 * Masked numbers of the calls seen in this tab: a call leaves the live list when it ends, but its
 * session stays open a while and is still named after the caller. Kept in sessionStorage so a reload
 * during that time keeps the names (the numbers are masked already; the newest few are kept).
 */
function rememberedNumbers(): { remember(calls: LiveCall[]): void; get(callSid: string): string | null } {
  let known: [string, string][] = [];
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(numbersKey) ?? "[]");
    if (Array.isArray(stored)) known = stored.filter((e): e is [string, string] => Array.isArray(e) && typeof e[0] === "string" && typeof e[1] === "string");
  } catch {
    known = [];
  }
  const map = new Map(known);
  return {
    remember(calls) {
      let changed = false;
      for (const call of calls) {
        if (!call.maskedFrom || map.get(call.callSid) === call.maskedFrom) continue;
        map.delete(call.callSid);
        map.set(call.callSid, call.maskedFrom);
        changed = true;
      }
      if (!changed) return;
      while (map.size > numbersKept) map.delete(map.keys().next().value!);
      try {
        sessionStorage.setItem(numbersKey, JSON.stringify([...map]));
      } catch {
        // Storage full or refused: the numbers stay known for this page's life.
      }
    },
    get: callSid => map.get(callSid) ?? null,
  };
}

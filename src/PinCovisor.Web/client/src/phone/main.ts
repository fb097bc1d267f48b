// The phone simulator at /demo/phone: a phone card with a keypad that plays Twilio's part against
// the host's real webhooks. Development only (the host signs what it sends).
import { api, ApiError } from "../shared/api";
import { $, clear, h } from "../shared/dom";
import { lang, onLangChange, setLang } from "../shared/i18n";
import { applyTexts } from "../demo/texts";
import { SimulatedCall, type OutboundCall } from "./call";
import { postAsTwilio, twilioEvents, type TwilioEvent } from "./webhooks";
import { lineLanguage, numberSpeaking } from "./line";
import type { CallListener, Leg, PhoneState, RingTarget, SimulatorSetup } from "./types";
import { Speaker } from "./speech";
import { t, type PhoneKey } from "./strings";

const speaker = new Speaker();
let setup: SimulatorSetup | null = null;
let call: SimulatedCall | null = null;
let state: PhoneState = "idle";
let who = "";
let connectedAt = 0;
let timer: ReturnType<typeof setInterval> | undefined;

const el = {
  status: $(document, "#phone-status"),
  statusText: $(document, "#phone-status-text"),
  timer: $(document, "#phone-timer"),
  from: $<HTMLInputElement>(document, "#phone-from"),
  to: $<HTMLInputElement>(document, "#phone-to"),
  form: $<HTMLFormElement>(document, "#phone-dial-form"),
  call: $<HTMLButtonElement>(document, "#phone-call"),
  hangup: $<HTMLButtonElement>(document, "#phone-hangup"),
  listening: $(document, "#phone-listening"),
  countdown: $(document, "#phone-countdown"),
  digits: $(document, "#phone-digits"),
  skip: $<HTMLButtonElement>(document, "#phone-skip"),
  voice: $<HTMLButtonElement>(document, "#phone-voice"),
  noVoice: $(document, "#phone-no-voice"),
  ringing: $(document, "#phone-ringing"),
  targets: $(document, "#phone-targets"),
  ringCountdown: $(document, "#phone-ring-countdown"),
  transcript: $(document, "#phone-transcript"),
  transcriptEmpty: $(document, "#phone-transcript-empty"),
  agentTranscript: $(document, "#phone-agent-transcript"),
  agentEmpty: $(document, "#phone-agent-empty"),
  agentHangup: $<HTMLButtonElement>(document, "#phone-agent-hangup"),
  lineLanguage: $(document, "#phone-line-language"),
  incoming: $(document, "#phone-incoming"),
  incomingTo: $(document, "#phone-incoming-to"),
  incomingAnswer: $<HTMLButtonElement>(document, "#phone-incoming-answer"),
  incomingDecline: $<HTMLButtonElement>(document, "#phone-incoming-decline"),
};

/** A call the host placed (the REST API's Calls.json) ringing this phone, not yet answered or declined. */
let incoming: TwilioEvent | null = null;

function e164(number: string): string {
  const trimmed = number.trim();
  return (trimmed.startsWith("+") ? "+" : "") + trimmed.replace(/[^\d]/g, "");
}

/** +34910000000 as +34 910 000 000, the way Spanish numbers are written. */
function pretty(number: string): string {
  const spanish = /^\+34(\d{3})(\d{3})(\d{3})$/.exec(number);
  return spanish ? `+34 ${spanish[1]} ${spanish[2]} ${spanish[3]}` : number;
}

function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

function renderStatus(): void {
  el.status.dataset.state = state;
  el.statusText.textContent = t(state as PhoneKey, { who });
  el.timer.textContent = state === "connected" ? clock(Math.round((Date.now() - connectedAt) / 1000)) : "";
  const inCall = state !== "idle" && state !== "ended";
  el.call.hidden = inCall;
  el.hangup.hidden = !inCall;
  el.from.disabled = inCall;
  el.to.disabled = inCall;
  el.agentHangup.hidden = state !== "connected";
  $(document, "#phone-screen-number").textContent = pretty(e164(el.to.value));
  $(el.call, "span").textContent = t(state === "ended" ? "again" : "call");
}

/**
 * Until the person types a number of their own, they call from one whose country the line answers
 * in the simulator's language, and the line below the number says which language it will speak.
 */
function renderLine(): void {
  if (!setup) return;
  const idle = state === "idle" || state === "ended";
  // Not under the person's cursor: a number being typed while the setup arrives would get the offered one mixed in.
  if (idle && !el.from.dataset.edited && document.activeElement !== el.from) el.from.value = numberSpeaking(setup, lang()) ?? el.from.value;
  const language = lineLanguage(setup, e164(el.from.value)).startsWith("en") ? "english" : "spanish";
  el.lineLanguage.textContent = t("lineSpeaks", { language: t(language) });
}

function renderVoice(): void {
  el.voice.setAttribute("aria-pressed", String(speaker.enabled));
  el.voice.textContent = t(speaker.enabled ? "voiceOn" : "voiceOff");
}

function render(): void {
  document.documentElement.lang = lang();
  document.title = `${t("title")} · Tienda Aurora`;
  applyTexts<PhoneKey>(document, t);
  // The switch names the other language in that language.
  $(document, "[data-testid='pc-lang']").lang = lang() === "es" ? "en" : "es";
  renderStatus();
  renderVoice();
  renderLine();
}

function addLine(kind: "say" | "note" | "error", text: string, leg: Leg): void {
  const list = leg === "agent" ? el.agentTranscript : el.transcript;
  (leg === "agent" ? el.agentEmpty : el.transcriptEmpty).hidden = true;
  if (kind === "say" && leg === "caller") $(document, "#phone-caption").textContent = text;
  const testId = kind === "say" ? (leg === "agent" ? "phone-agent-say" : "phone-say") : null;
  const item = h("li", { class: `phone-line phone-line-${kind}`, "data-testid": testId, role: kind === "error" ? "alert" : null }, text);
  list.append(item);
  item.scrollIntoView({ block: "nearest" });
  if (kind === "say" && !speaker.voiceFor(lang() === "es" ? "es-ES" : "en-US")) el.noVoice.hidden = false;
}

/**
 * Which of an agent's devices rings: their browser softphone, or a phone named by its masked number
 * (the agent's own mask from the host when the number is theirs, else only its last digits).
 */
function device(target: RingTarget): string {
  if (target.address.startsWith("client:")) return t("browser");
  const digits = target.address.replace(/[^\d]/g, "");
  const index = target.agent?.phoneNumbers.findIndex(n => n.replace(/[^\d]/g, "") === digits) ?? -1;
  const masked = target.agent?.maskedPhoneNumbers[index] ?? `…${digits.slice(-3)}`;
  return t("phone", { number: masked });
}

function renderTargets(targets: RingTarget[] | null): void {
  el.ringing.hidden = !targets;
  clear(el.targets);
  for (const target of targets ?? []) {
    const name = target.agent?.displayName ?? t("unknownAgent");
    const answer = h("button", { type: "button", class: "phone-answer", "data-testid": "phone-answer", "data-target": target.target },
      t("answer", { name, device: device(target) }));
    answer.addEventListener("click", () => call?.answer(target.target));
    el.targets.append(h("li", null,
      h("span", { class: "phone-avatar", "aria-hidden": "true" }, name.slice(0, 1).toUpperCase()),
      h("span", { class: "phone-target" }, h("strong", null, name), h("small", null, target.address)),
      answer));
  }
  el.targets.querySelector<HTMLButtonElement>("button")?.focus();
}

const listener: CallListener = {
  state(next, name) {
    // The caption is what the line is saying; once ringing or talking it would be stale.
    if (next !== state && next !== "ivr") $(document, "#phone-caption").textContent = "";
    state = next;
    if (name !== undefined) who = name;
    if (next === "connected") {
      connectedAt = Date.now();
      clearInterval(timer);
      timer = setInterval(renderStatus, 1000);
    } else if (next !== "dialing") {
      clearInterval(timer);
    }
    renderStatus();
  },
  line: addLine,
  listening(on) {
    el.listening.hidden = !on;
    el.skip.hidden = !on;
  },
  digits(typed) {
    el.digits.textContent = typed;
  },
  countdown(left) {
    const text = left === null ? "" : t("seconds", { n: left });
    el.countdown.textContent = text;
    el.ringCountdown.textContent = text;
  },
  ringing: renderTargets,
};

function startCall(outbound: OutboundCall | null = null, from?: string, to?: string): void {
  if (!setup || (call && state !== "ended")) return;
  clear(el.transcript);
  clear(el.agentTranscript);
  el.transcriptEmpty.hidden = false;
  el.agentEmpty.hidden = false;
  el.digits.textContent = "";
  $(document, "#phone-caption").textContent = "";
  call = new SimulatedCall(setup, from ?? e164(el.from.value), to ?? e164(el.to.value), listener, speaker, outbound);
  void call.run();
  el.hangup.focus();
}

/**
 * Watches the demo's simulated REST API for calls the host places (a call-back to the customer):
 * the phone rings as the customer's, answered or declined here. Busy on a call, it declines.
 */
async function watchIncoming(from: number): Promise<void> {
  let after = from;
  for (;;) {
    try {
      const feed = await twilioEvents(after);
      for (const event of feed.events) if (event.kind === "call.created" && event.callSid && event.url) ring(event);
      after = feed.next;
    } catch {
      // Tried again at the next tick.
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

function ring(event: TwilioEvent): void {
  if (incoming || (call && state !== "ended")) {
    void endIncoming(event, "busy");
    return;
  }
  incoming = event;
  el.incomingTo.textContent = pretty(event.to ?? "");
  el.incoming.hidden = false;
  el.incomingAnswer.focus();
}

/** Tells the host, as Twilio would, that the placed call was not answered. */
async function endIncoming(event: TwilioEvent, status: "busy" | "no-answer"): Promise<void> {
  if (!event.statusCallback || !event.callSid || !setup) return;
  try {
    await postAsTwilio(event.statusCallback, {
      AccountSid: setup.accountSid, ApiVersion: "2010-04-01", CallSid: event.callSid, CallStatus: status,
      Direction: "outbound-api", From: event.from ?? "", To: event.to ?? "", Caller: event.from ?? "", Called: event.to ?? "",
    });
  } catch (error) {
    addLine("error", error instanceof Error ? error.message : String(error), "caller");
  }
}

function answerIncoming(): void {
  const event = incoming;
  incoming = null;
  el.incoming.hidden = true;
  if (!event?.callSid || !event.url) return;
  startCall({ callSid: event.callSid, url: event.url, statusCallback: event.statusCallback }, event.from ?? undefined, event.to ?? undefined);
}

function declineIncoming(): void {
  const event = incoming;
  incoming = null;
  el.incoming.hidden = true;
  if (event) void endIncoming(event, "busy");
}

function press(key: string): void {
  if (!call || state === "ended" || state === "idle") return;
  call.press(key);
  const button = document.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
  button?.classList.add("phone-key-flash");
  setTimeout(() => button?.classList.remove("phone-key-flash"), 150);
}

function wire(): void {
  el.form.addEventListener("submit", event => {
    event.preventDefault();
    startCall();
  });
  el.hangup.addEventListener("click", () => call?.hangup());
  el.incomingAnswer.addEventListener("click", answerIncoming);
  el.incomingDecline.addEventListener("click", declineIncoming);
  el.agentHangup.addEventListener("click", () => call?.agentHangup());
  el.skip.addEventListener("click", () => call?.skip());
  el.voice.addEventListener("click", () => {
    speaker.enabled = !speaker.enabled;
    if (!speaker.enabled) speaker.cancel();
    renderVoice();
  });
  for (const key of document.querySelectorAll<HTMLButtonElement>("[data-key]")) {
    key.addEventListener("click", () => press(key.dataset.key ?? ""));
  }
  document.addEventListener("keydown", event => {
    if (event.target instanceof HTMLInputElement || event.ctrlKey || event.metaKey || event.altKey) return;
    if (/^[0-9*#]$/.test(event.key)) press(event.key);
  });
  $(document, "[data-testid='pc-lang']").addEventListener("click", () => setLang(lang() === "es" ? "en" : "es"));
  onLangChange(render);
  // A tab closed (or left) mid-call still ends the call on the host, as a dropped line would.
  window.addEventListener("pagehide", () => {
    if (call && state !== "ended") call.abandon();
  });
}

async function start(): Promise<void> {
  wire();
  render();
  el.call.disabled = true;
  try {
    setup = await api<SimulatorSetup>("/demo/phone/setup");
    if (!el.to.dataset.edited) el.to.value = pretty(setup.shopNumber);
    renderStatus();
    renderLine();
    el.call.disabled = false;
    void watchIncoming(setup.twilioEventsAfter);
  } catch (error) {
    const detail = error instanceof ApiError ? error.message : String(error);
    addLine("error", t("setupFailed", { detail }), "caller");
  }
}

el.from.addEventListener("input", () => {
  el.from.dataset.edited = "1";
  renderLine();
});
el.to.addEventListener("input", () => {
  el.to.dataset.edited = "1";
  renderStatus();
});
void start();

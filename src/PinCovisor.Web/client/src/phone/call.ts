// One simulated phone call: runs TwiML verb by verb as Twilio does, posting to the host's webhooks
// with the parameters Twilio sends (see docs/demo.md for what it does and does not do).
import { postAsTwilio, newSid, sendAsTwilioOnExit, twilioEvents, type Params } from "./webhooks";
import type { Speaker } from "./speech";
import { t } from "./strings";
import { dialTargets, queueTakers } from "./targets";
import { countryOf } from "./line";
import type { CallListener, Leg, PhoneState, RingTarget, SimulatorSetup } from "./types";

type CallEvent =
  | { kind: "timeout" }
  | { kind: "key"; key: string }
  | { kind: "skip" }
  | { kind: "hangup" }
  | { kind: "agent-hangup" }
  | { kind: "answer"; target: string }
  | { kind: "redirect" };

/** Each number's country under its parameter's name, leaving out those of no known country. */
function countries(numbers: Params): Params {
  return Object.fromEntries(Object.entries(numbers).flatMap(([name, number]) => {
    const country = countryOf(number);
    return country ? [[name, country]] : [];
  }));
}

/** Thrown to unwind the verb loop once the caller has hung up. */
class CallOver extends Error {}

/**
 * Thrown to unwind whatever the call is doing when the host redirects it through the REST API: as
 * Twilio does, the call leaves its current TwiML (a bridged agent is dropped) and runs the new one.
 */
class Redirected extends Error {
  constructor(readonly doc: Document) {
    super("redirected");
  }
}

interface Next {
  doc: Document;
  url: string;
}

const voiceUrl = "/twilio/voice";
const statusUrl = "/twilio/status";

/** A call the host placed through the REST API, ringing the simulator as the customer's phone. */
export interface OutboundCall {
  callSid: string;
  /** Where Twilio fetches the call's TwiML once it is answered. */
  url: string;
  /** Where its status changes go; Twilio sends none without it. */
  statusCallback: string | null;
}

export class SimulatedCall {
  readonly callSid: string;
  private readonly startedAt = Date.now();
  private waiter: ((event: CallEvent) => void) | null = null;
  private hungUp = false;
  private finished = false;
  private endSent = false;
  private current: PhoneState = "idle";
  private redirect: Document | null = null;

  constructor(
    private readonly setup: SimulatorSetup,
    private readonly from: string,
    private readonly to: string,
    private readonly ui: CallListener,
    private readonly speaker: Speaker,
    private readonly outbound: OutboundCall | null = null,
  ) {
    this.callSid = outbound?.callSid ?? newSid("CA");
  }

  get state(): PhoneState {
    return this.current;
  }

  /** Places the call and runs it to its end; resolves once the status callback has been sent. */
  async run(): Promise<void> {
    this.setState("ivr");
    const watching = this.watchRestApi();
    try {
      // A call the host placed is answered here, so Twilio reports it in progress and fetches its url.
      if (this.outbound?.statusCallback) await postAsTwilio(this.outbound.statusCallback, this.params({ CallStatus: "in-progress" }));
      let next: Next | null = this.outbound
        ? await this.fetch(this.outbound.url, {})
        : await this.fetch(voiceUrl, { CallStatus: "ringing" });
      while (next) {
        const running: Next = next;
        try {
          next = await this.runVerbs(running);
        } catch (error) {
          if (!(error instanceof Redirected)) throw error;
          this.ui.line("note", t("redirectedByHost"), "caller");
          this.setState("ivr");
          next = { doc: error.doc, url: running.url };
        }
      }
    } catch (error) {
      if (!(error instanceof CallOver)) this.ui.line("error", t("notTwilio", { detail: error instanceof Error ? error.message : String(error) }), "caller");
    }
    await this.finish();
    await watching;
  }

  press(key: string): void { this.deliver({ kind: "key", key }); }
  skip(): void { this.deliver({ kind: "skip" }); }
  answer(target: string): void { this.deliver({ kind: "answer", target }); }
  agentHangup(): void { this.deliver({ kind: "agent-hangup" }); }

  hangup(): void {
    this.hungUp = true;
    this.speaker.cancel();
    this.deliver({ kind: "hangup" });
  }

  private deliver(event: CallEvent): void {
    this.waiter?.(event);
  }

  /**
   * Follows what the host asks of this call through Twilio's REST API (the demo serves a simulated
   * one): new TwiML redirects the call at once, an end asked for hangs it up. Polls once a second
   * while the call lasts.
   */
  private async watchRestApi(): Promise<void> {
    let after: number | null = null;
    while (!this.finished) {
      try {
        const feed = await twilioEvents(after, this.callSid);
        if (after !== null) {
          for (const event of feed.events) {
            if (event.callSid !== this.callSid || event.kind !== "call.updated") continue;
            if (event.twiml) {
              const doc = new DOMParser().parseFromString(event.twiml, "application/xml");
              if (doc.documentElement.tagName !== "Response") continue;
              this.redirect = doc;
              this.speaker.cancel();
              this.deliver({ kind: "redirect" });
            } else if (event.status === "completed" || event.status === "canceled") {
              this.hangup();
            }
          }
        }
        after = feed.next;
      } catch {
        // The feed is a nicety of the demo: a missed poll is tried again.
      }
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }

  /** The next event, or a timeout after <paramref name="ms"/> (null: no timeout) or when <paramref name="until"/> settles. */
  private wait(ms: number | null, until?: Promise<unknown>): Promise<CallEvent> {
    if (this.hungUp) return Promise.resolve({ kind: "hangup" });
    const pending = this.takeRedirect();
    if (pending) return Promise.reject(pending);
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = (event: CallEvent) => {
        if (this.waiter !== done) return;
        this.waiter = null;
        clearTimeout(timer);
        const redirected = event.kind === "redirect" ? this.takeRedirect() : null;
        if (redirected) reject(redirected);
        else resolve(event);
      };
      this.waiter = done;
      if (ms !== null) timer = setTimeout(() => done({ kind: "timeout" }), ms);
      until?.then(() => done({ kind: "timeout" }), () => done({ kind: "timeout" }));
    });
  }

  private checkOver(): void {
    if (this.hungUp) throw new CallOver();
    const redirected = this.takeRedirect();
    if (redirected) throw redirected;
  }

  private takeRedirect(): Redirected | null {
    const doc = this.redirect;
    this.redirect = null;
    return doc ? new Redirected(doc) : null;
  }

  private setState(state: PhoneState, who?: string): void {
    this.current = state;
    this.ui.state(state, who);
  }

  private params(extra: Params): Params {
    return {
      AccountSid: this.setup.accountSid,
      ApiVersion: "2010-04-01",
      CallSid: this.callSid,
      CallStatus: "in-progress",
      Direction: this.outbound ? "outbound-api" : "inbound",
      From: this.from,
      To: this.to,
      Caller: this.from,
      Called: this.to,
      // As Twilio: the country of each number, absent when it cannot tell.
      ...countries({ FromCountry: this.from, ToCountry: this.to }),
      ...extra,
    };
  }

  private async fetch(url: string, extra: Params): Promise<Next | null> {
    const doc = await postAsTwilio(url, this.params(extra));
    this.checkOver();
    return doc ? { doc, url } : null;
  }

  /** Runs a document's verbs; the document a verb hands over to, or null when the call ends. */
  private async runVerbs({ doc, url }: Next): Promise<Next | null> {
    for (const verb of Array.from(doc.documentElement.children)) {
      this.checkOver();
      switch (verb.tagName) {
        case "Say":
        case "Pause":
        case "Play":
          await this.prompt(verb, "caller");
          break;
        case "Gather": {
          const next = await this.gather(verb, url);
          if (next) return next;
          break;
        }
        case "Redirect":
          this.ui.line("note", t("redirected"), "caller");
          return this.fetch(verb.textContent?.trim() || url, {});
        case "Hangup":
        case "Reject":
          return null;
        case "Enqueue":
          return this.enqueue(verb);
        case "Dial": {
          const next = await this.dial(verb);
          if (next) return next;
          break;
        }
        default:
          this.ui.line("note", t("unsupported", { verb: verb.tagName }), "caller");
      }
    }
    // Like Twilio: a document that runs out of verbs ends the call.
    return null;
  }

  /**
   * Say, Pause or Play, as heard on one leg. Resolves with the key that interrupted it when
   * <paramref name="bargeIn"/> (a Gather listening), else with null.
   */
  private async prompt(verb: Element, leg: Leg, bargeIn = false): Promise<CallEvent | null> {
    let done: Promise<void>;
    if (verb.tagName === "Say") {
      const text = verb.textContent?.trim() ?? "";
      this.ui.line("say", text, leg);
      const loops = Math.max(1, Math.min(Number(verb.getAttribute("loop") ?? "1") || 1, 3));
      done = (async () => {
        for (let i = 0; i < loops; i++) await this.speaker.speak(text, verb.getAttribute("language") ?? "en-US");
      })();
    } else if (verb.tagName === "Pause") {
      const seconds = Math.max(0, Math.min(Number(verb.getAttribute("length") ?? "1") || 1, 30));
      this.ui.line("note", t("pause", { n: seconds }), leg);
      done = new Promise(resolve => setTimeout(resolve, seconds * 1000));
    } else if (verb.tagName === "Play") {
      this.ui.line("note", t("play", { url: verb.textContent?.trim() ?? "" }), leg);
      done = new Promise(resolve => setTimeout(resolve, 1000));
    } else {
      return null;
    }
    for (;;) {
      const event = await this.wait(null, done);
      if (event.kind === "hangup") throw new CallOver();
      if (event.kind === "timeout") return null;
      if (bargeIn && (event.kind === "key" || event.kind === "skip")) {
        this.speaker.cancel();
        return event;
      }
    }
  }

  private async gather(verb: Element, url: string): Promise<Next | null> {
    const digits = await this.collect(verb, "caller");
    return digits === null ? null : this.fetch(verb.getAttribute("action") || url, { Digits: digits });
  }

  /**
   * Listens as a Gather does, on one leg: its prompts play until the first key, then each key has
   * `timeout` seconds. The digits keyed, or null when nothing was (Twilio goes on with the next verb).
   */
  private async collect(verb: Element, leg: Leg): Promise<string | null> {
    const numDigits = Number(verb.getAttribute("numDigits")) || null;
    const finishOnKey = verb.getAttribute("finishOnKey") ?? "#";
    const timeout = Math.max(1, Number(verb.getAttribute("timeout") ?? "5") || 5);
    let digits = "";
    let complete = false;
    let skipped = false;
    const take = (key: string) => {
      if (finishOnKey !== "" && key === finishOnKey) complete = true;
      else digits += key;
      if (numDigits !== null && digits.length >= numDigits) complete = true;
      this.ui.digits(digits);
    };

    this.ui.listening(true);
    this.ui.digits("");
    try {
      // Prompts nested in the Gather play while it listens; the first key stops them.
      for (const child of Array.from(verb.children)) {
        const interrupted = await this.prompt(child, leg, true);
        if (interrupted?.kind === "key") take(interrupted.key);
        if (interrupted) {
          skipped = interrupted.kind === "skip";
          break;
        }
      }
      // Then it waits `timeout` seconds for each next key.
      let left = timeout;
      while (!complete && !skipped && left > 0) {
        this.ui.countdown(left);
        const event = await this.wait(1000);
        if (event.kind === "hangup") throw new CallOver();
        if (event.kind === "skip") skipped = true;
        else if (event.kind === "timeout") left--;
        else if (event.kind === "key") {
          take(event.key);
          left = timeout;
        }
      }
    } finally {
      this.ui.countdown(null);
      this.ui.listening(false);
    }

    if (digits === "" && !complete && verb.getAttribute("actionOnEmptyResult") !== "true") {
      // Nothing pressed: Twilio goes on with the verb after the Gather.
      this.ui.line("note", t("noKey"), leg);
      return null;
    }
    this.ui.line("note", t("pressed", { digits: digits || "—" }), leg);
    return digits;
  }

  private async enqueue(verb: Element): Promise<Next | null> {
    const queue = verb.textContent?.trim() ?? "";
    const action = verb.getAttribute("action");
    const enqueuedAt = Date.now();
    const queueSid = newSid("QU");
    const waited = () => ({ QueueSid: queueSid, QueueTime: String(Math.round((Date.now() - enqueuedAt) / 1000)) });
    this.ui.line("note", t("queued", { name: queue }), "caller");
    // Any agent may take the caller: the simulator plays that agent's own call to /twilio/voice/agent.
    const agents = queueTakers(this.setup.agents);

    for (;;) {
      const taker = await this.ring(agents.map(target => target.agent?.displayName ?? target.target).join(", "), agents, null,
        () => action ? postAsTwilio(action, this.params({ ...waited(), CallStatus: "completed", QueueResult: "hangup" })) : Promise.resolve());
      if (!taker) continue;
      const legSid = newSid("CA");
      let dequeue: Element | null;
      try {
        dequeue = await this.agentLine(this.leg(legSid, taker.address, this.to, "inbound"));
      } catch (error) {
        // The caller hung up while the agent was keying their code.
        if (error instanceof CallOver && action) await postAsTwilio(action, this.params({ ...waited(), CallStatus: "completed", QueueResult: "hangup" }));
        throw error;
      }
      // Not let in (unknown, or no right agent code): the caller keeps waiting.
      if (!dequeue) continue;
      // Twilio runs the Queue noun's url on the caller's leg as it leaves the queue.
      const url = dequeue.getAttribute("url");
      if (url) await this.playTo("caller", await postAsTwilio(url, this.params({ ...waited(), DequeingCallSid: legSid })));
      const ended = await this.talk(taker);
      const result = { ...waited(), QueueResult: "bridged" };
      return this.afterTalk(ended, action, result);
    }
  }

  /**
   * The agent's own call to the agent line, run verb by verb on the agent's leg: the <Queue> it
   * reaches, or null when the line hangs up. Calling from a phone, the line first asks for the agent
   * code; the keypad keys it, as the agent would on their phone. A softphone goes straight through.
   */
  private async agentLine(agentLeg: Params): Promise<Element | null> {
    let doc = await postAsTwilio("/twilio/voice/agent", agentLeg);
    while (doc) {
      let next: Document | null = null;
      for (const verb of Array.from(doc.documentElement.children)) {
        this.checkOver();
        if (verb.tagName === "Dial") return verb.querySelector("Queue");
        if (verb.tagName === "Hangup") return null;
        if (verb.tagName !== "Gather") {
          await this.prompt(verb, "agent");
          continue;
        }
        const digits = await this.collect(verb, "agent");
        if (digits === null) continue;
        next = await postAsTwilio(verb.getAttribute("action") || "/twilio/voice/agent", { ...agentLeg, Digits: digits });
        break;
      }
      doc = next;
    }
    return null;
  }

  /**
   * Runs the noun url's TwiML on the answering leg, as Twilio does before connecting it: prompts, and a
   * Gather the keypad answers for the agent (nothing pressed plays a voicemail). True when the TwiML
   * runs out and the leg is connected; false when it hangs the leg up.
   */
  private async screen(first: Document | null, leg: Params): Promise<boolean> {
    let doc = first;
    while (doc) {
      let next: Document | null = null;
      for (const verb of Array.from(doc.documentElement.children)) {
        this.checkOver();
        if (verb.tagName === "Hangup" || verb.tagName === "Reject") return false;
        if (verb.tagName !== "Gather") {
          await this.prompt(verb, "agent");
          continue;
        }
        const digits = await this.collect(verb, "agent");
        if (digits === null) continue;
        const action = verb.getAttribute("action");
        if (!action) return true;
        next = await postAsTwilio(action, { ...leg, Digits: digits });
        break;
      }
      if (!next) return true;
      doc = next;
    }
    return true;
  }

  private async dial(verb: Element): Promise<Next | null> {
    const timeout = Math.max(1, Number(verb.getAttribute("timeout") ?? "30") || 30);
    const action = verb.getAttribute("action");
    const callerId = verb.getAttribute("callerId") || this.from;
    const targets = dialTargets(verb, this.setup.agents);
    const names = [...new Set(targets.map(target => target.agent?.displayName ?? target.target))].join(", ");
    const answered = await this.ring(names, targets, timeout,
      () => action ? postAsTwilio(action, this.params({ CallStatus: "completed", DialCallStatus: "canceled" })) : Promise.resolve());

    if (!answered) {
      this.ui.line("note", t("noAnswer"), "caller");
      this.setState("ivr");
      return action ? this.fetch(action, { DialCallStatus: "no-answer" }) : null;
    }

    // The answering leg: Twilio fetches the noun's url on it and plays that TwiML to the agent only.
    const legSid = newSid("CA");
    if (answered.url) {
      const leg = { ...this.leg(legSid, callerId, answered.address, "outbound-dial"), ParentCallSid: this.callSid };
      if (!await this.screen(await postAsTwilio(answered.url, leg), leg)) {
        // The leg hung up before being connected (a voicemail presses no key): the other phones
        // stopped ringing when it answered, so the dial is over.
        this.ui.line("note", t("notTaken"), "agent");
        this.setState("ivr");
        return action ? this.fetch(action, { DialCallStatus: "completed", DialCallSid: legSid, DialCallDuration: "0" }) : null;
      }
    }
    const connectedAt = Date.now();
    const ended = await this.talk(answered);
    return this.afterTalk(ended, action, {
      DialCallStatus: "completed",
      DialCallSid: legSid,
      DialCallDuration: String(Math.round((Date.now() - connectedAt) / 1000)),
    });
  }

  /**
   * Shows <paramref name="targets"/> ringing until one is answered, <paramref name="seconds"/> run
   * out (undefined), or the caller hangs up (after <paramref name="onHangup"/>, the call is over).
   */
  private async ring(who: string, targets: RingTarget[], seconds: number | null, onHangup: () => Promise<unknown>): Promise<RingTarget | undefined> {
    this.setState("dialing", who);
    this.ui.ringing(targets);
    let left = seconds;
    try {
      for (;;) {
        if (left !== null && left <= 0) return undefined;
        this.ui.countdown(left);
        const event = await this.wait(1000);
        if (event.kind === "hangup") {
          await onHangup();
          throw new CallOver();
        }
        if (event.kind === "timeout" && left !== null) left--;
        const answered = event.kind === "answer" ? targets.find(target => target.target === event.target) : undefined;
        if (answered) return answered;
      }
    } finally {
      this.ui.countdown(null);
      this.ui.ringing(null);
    }
  }

  /** Caller and agent are connected until one of them hangs up; says who did. */
  private async talk(agent: RingTarget): Promise<"caller" | "agent"> {
    this.setState("connected", agent.agent?.displayName ?? agent.target);
    for (;;) {
      const event = await this.wait(null);
      if (event.kind === "hangup") return "caller";
      if (event.kind === "agent-hangup") return "agent";
    }
  }

  /**
   * Tells the verb's action how the conversation ended. When the caller left, Twilio ignores the
   * answer and the call is over; when the agent did, the caller goes on with it.
   */
  private async afterTalk(ended: "caller" | "agent", action: string | null, result: Params): Promise<Next | null> {
    if (ended === "caller") {
      if (action) await postAsTwilio(action, this.params({ ...result, CallStatus: "completed" }));
      throw new CallOver();
    }
    this.ui.line("note", t("agentHungUp"), "agent");
    this.setState("ivr");
    return action ? this.fetch(action, result) : null;
  }

  /** The parameters of another call leg (an agent's). */
  private leg(callSid: string, from: string, to: string, direction: string): Params {
    return {
      AccountSid: this.setup.accountSid,
      ApiVersion: "2010-04-01",
      CallSid: callSid,
      CallStatus: "in-progress",
      Direction: direction,
      From: from,
      To: to,
      Caller: from,
      Called: to,
    };
  }

  private async playTo(leg: Leg, doc: Document | null): Promise<void> {
    for (const child of Array.from(doc?.documentElement.children ?? [])) await this.prompt(child, leg);
  }

  /**
   * The page is going away mid-call (tab closed, reload, navigation): as when a caller's line drops,
   * Twilio would end the call and send its status callback, so the simulator sends it now, in a
   * request that outlives the page. Nothing after this line runs for sure.
   */
  abandon(): void {
    if (this.finished || this.endSent) return;
    this.endSent = true;
    const url = this.statusUrl;
    if (url) sendAsTwilioOnExit(url, this.completed());
    // Should the page come back from the back-forward cache, it shows the call ended.
    this.hangup();
  }

  /** Where Twilio reports the call's status: the number's status URL, or the one the host placed the call with. */
  private get statusUrl(): string | null {
    return this.outbound ? this.outbound.statusCallback : statusUrl;
  }

  /** The status callback Twilio sends when the call is over. */
  private completed(): Params {
    return this.params({ CallStatus: "completed", CallDuration: String(Math.round((Date.now() - this.startedAt) / 1000)) });
  }

  private async finish(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.speaker.cancel();
    this.ui.ringing(null);
    this.ui.listening(false);
    this.ui.countdown(null);
    try {
      const url = this.statusUrl;
      if (!this.endSent && url) await postAsTwilio(url, this.completed());
    } catch (error) {
      this.ui.line("error", error instanceof Error ? error.message : String(error), "caller");
    }
    this.setState("ended");
  }
}

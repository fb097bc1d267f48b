// What the phone simulator knows of the shop's line, and what it shows of a call.

export type PhoneState = "idle" | "ivr" | "dialing" | "connected" | "ended";
export type Leg = "caller" | "agent";

export interface SimulatorAgent {
  username: string;
  displayName: string;
  clientIdentity: string | null;
  phoneNumbers: string[];
  /** The same numbers masked as the console shows callers' (+34 6•• ••• 001), to label the answer buttons. */
  maskedPhoneNumbers: string[];
}

export interface SimulatorSetup {
  shopNumber: string;
  accountSid: string;
  agents: SimulatorAgent[];
  /** The language the line speaks to callers (Ivr:Language), e.g. es-ES. */
  lineLanguage: string;
  /** The language it speaks instead to callers from these countries (FromCountry → tag). */
  languageByCountry: Record<string, string>;
  /** Where the simulated REST API's feed stood when the page loaded; the page follows it from there. */
  twilioEventsAfter: number;
}

/** Someone the <Dial> rings: a <Client> identity or a <Number>, and the seeded agent behind it. */
export interface RingTarget {
  target: string;
  address: string;
  url: string | null;
  agent: SimulatorAgent | undefined;
}

/** What the page shows of the call. */
export interface CallListener {
  state(state: PhoneState, who?: string): void;
  line(kind: "say" | "note" | "error", text: string, leg: Leg): void;
  listening(on: boolean): void;
  digits(typed: string): void;
  countdown(secondsLeft: number | null): void;
  ringing(targets: RingTarget[] | null): void;
}

// Who a <Dial> rings, and who may take a queued caller, named after the seeded agents.
import type { RingTarget, SimulatorAgent } from "./types";

/** The <Client> and <Number> nouns of a <Dial> (or the number that is its text), with their agents. */
export function dialTargets(verb: Element, agents: SimulatorAgent[]): RingTarget[] {
  const nouns = Array.from(verb.children).filter(n => n.tagName === "Client" || n.tagName === "Number");
  const found: RingTarget[] = nouns.map(noun => {
    const identity = noun.tagName === "Client" ? noun.querySelector("Identity")?.textContent?.trim() ?? noun.textContent?.trim() ?? "" : "";
    const number = noun.tagName === "Number" ? noun.textContent?.trim() ?? "" : "";
    return {
      target: identity || number,
      address: identity ? `client:${identity}` : number,
      url: noun.getAttribute("url"),
      agent: agents.find(a => identity ? a.clientIdentity === identity : a.phoneNumbers.some(n => digitsOf(n) === digitsOf(number))),
    };
  });
  // <Dial>+34…</Dial> dials that number.
  const text = nouns.length === 0 ? verb.textContent?.trim() ?? "" : "";
  if (text) found.push({ target: text, address: text, url: null, agent: undefined });
  return found;
}

/** Every agent that can call in to take a queued caller, by softphone or else by phone. */
export function queueTakers(agents: SimulatorAgent[]): RingTarget[] {
  return agents.flatMap(agent => {
    const address = agent.clientIdentity ? `client:${agent.clientIdentity}` : agent.phoneNumbers[0];
    return address ? [{ target: agent.clientIdentity ?? address, address, url: null, agent }] : [];
  });
}

function digitsOf(number: string): string {
  return number.replace(/[^\d]/g, "");
}

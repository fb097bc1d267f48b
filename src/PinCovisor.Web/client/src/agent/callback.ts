// "Call the customer": the customer of a web session asked to be called (callback.requested); the
// agent in charge has the host place the call from the shop's number. The console never has the
// number: it shows the masked one the events carry, and the host dials.
import { h } from "../shared/dom.js";
import { onLangChange, translator } from "../shared/i18n.js";
import type { CovisorConnection, CovisorEvent } from "../shared/contracts.js";
import { say } from "./ui.js";
import { icon } from "./icons.js";

const t = translator({
  es: {
    title: "Le llamamos", asked: "El cliente pide que le llamen al {number}.", place: "Llamar al cliente",
    placing: "Llamando…", placed: "Llamada al {number} en marcha: contesta cuando suene tu teléfono.",
  },
  en: {
    title: "Call back", asked: "The customer asks to be called at {number}.", place: "Call the customer",
    placing: "Calling…", placed: "Calling {number}: answer when your phone rings.",
  },
});

export interface CallBackBox {
  readonly element: HTMLElement;
  /** False while the session is ended or handed over: the call can no longer be placed from here. */
  setEnabled(enabled: boolean): void;
  destroy(): void;
}

/** A tool box that appears when the customer asks to be called, subscribed to the session before it is joined. */
export function callBackBox(connection: CovisorConnection, sessionId: string): CallBackBox {
  let masked: string | null = null;
  let placed = false;
  let placing = false;
  let enabled = true;

  const titleId = `callback-${sessionId}`;
  const heading = h("h3", { id: titleId, class: "tool-title" });
  const text = h("p", { class: "callback-text", "data-testid": "agent-callback-text" });
  const label = h("span", { class: "label" });
  const place = h("button", { type: "button", class: "primary", "data-testid": "agent-callback-place" }, icon("phone", 18), label);
  const element = h("section", { class: "tool callback-box", "aria-labelledby": titleId, "data-testid": "agent-callback", hidden: true },
    heading, text, place);

  function render(): void {
    element.hidden = masked === null;
    heading.replaceChildren(icon("phone", 16), t("title"));
    text.textContent = masked === null ? "" : t(placed ? "placed" : "asked", { number: masked });
    label.textContent = placing ? t("placing") : t("place");
    place.hidden = placed;
    place.disabled = placing || !enabled;
  }

  place.addEventListener("click", () => {
    placing = true;
    render();
    void connection.invoke<number>("PlaceCallBack", sessionId)
      .catch((error: unknown) => say(connection.humanError(error), "error"))
      .finally(() => { placing = false; render(); });
  });

  function apply(event: CovisorEvent): void {
    if (event.kind === "callback.requested") masked = String(event.data.maskedNumber ?? "");
    else if (event.kind === "callback.placed") {
      masked = String(event.data.maskedNumber ?? masked ?? "");
      placed = true;
    } else return;
    render();
  }

  const off = [connection.onSessionEvent(sessionId, apply), onLangChange(() => render())];
  render();
  return {
    element,
    setEnabled(value) { enabled = value; render(); },
    destroy() { for (const unsubscribe of off) unsubscribe(); },
  };
}

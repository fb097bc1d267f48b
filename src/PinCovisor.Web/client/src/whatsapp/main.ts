// The messaging simulator at /demo/whatsapp: a phone-shaped chat in which the person is a customer
// writing to the shop on WhatsApp or by SMS, while the page plays Twilio's part: it posts the signed
// inbound webhook, shows the shop's replies (in the TwiML answer, or sent through the simulated REST
// API) and reports their delivery to each message's status callback. Development only.
import { api, ApiError } from "../shared/api";
import { $, h } from "../shared/dom";
import { lang, onLangChange, setLang } from "../shared/i18n";
import { applyTexts } from "../demo/texts";
import { postAsTwilio, twilioEvents, WebhookError, type TwilioEvent } from "../phone/webhooks";
import type { SimulatorSetup } from "../phone/types";
import { t, type WhatsAppKey } from "./strings";
import { linkified } from "./links";
import {
  address, inboundFields, pictureAsPng, replies, statusFields, storeMedia, type Channel, type Customer, type StoredMedia,
} from "./twilio";

const webhook = "/twilio/messaging";
const photoTypes = ["image/jpeg", "image/png", "image/gif", "image/webp"];
// Pauses between the delivery states, so the ticks can be seen to change.
const stateDelayMs = 600;

interface Product {
  id: string;
  title: string;
  title_en?: string;
  imageUrl: string;
}

let setup: SimulatorSetup | null = null;
let products: Product[] = [];
/** The shop's messages waiting for this page to be seen before they are reported read. */
const unread: { event: TwilioEvent; item: HTMLElement }[] = [];

const el = {
  from: $<HTMLInputElement>(document, "#wa-from"),
  name: $<HTMLInputElement>(document, "#wa-name"),
  shopAddress: $(document, "#wa-shop-address"),
  chat: $(document, "#wa-chat"),
  empty: $(document, "#wa-empty"),
  compose: $<HTMLFormElement>(document, "#wa-compose"),
  text: $<HTMLInputElement>(document, "#wa-text"),
  send: $<HTMLButtonElement>(document, "#wa-send"),
  photo: $<HTMLButtonElement>(document, "#wa-photo"),
  photos: $(document, "#wa-photos"),
  products: $(document, "#wa-products"),
  file: $<HTMLInputElement>(document, "#wa-photo-file"),
  later: $<HTMLButtonElement>(document, "#wa-later"),
  laterDone: $(document, "#wa-later-done"),
};

function e164(number: string): string {
  const trimmed = number.trim();
  return (trimmed.startsWith("+") ? "+" : "") + trimmed.replace(/[^\d]/g, "");
}

function channel(): Channel {
  return document.querySelector<HTMLInputElement>("input[name='wa-channel']:checked")?.value === "sms" ? "sms" : "whatsapp";
}

function customer(): Customer {
  return { channel: channel(), number: e164(el.from.value), profileName: el.name.value.trim() };
}

function render(): void {
  document.documentElement.lang = lang();
  document.title = `${t("title")} · Tienda Aurora`;
  applyTexts<WhatsAppKey>(document, t);
  $(document, "[data-testid='pc-lang']").lang = lang() === "es" ? "en" : "es";
  el.text.placeholder = t("message");
  el.name.disabled = channel() === "sms";
  if (setup) el.shopAddress.textContent = address(channel(), setup.shopNumber);
  renderProducts();
  for (const item of el.chat.querySelectorAll<HTMLElement>("[data-testid='wa-message'][data-direction='out']")) renderTicks(item);
}

function renderProducts(): void {
  el.products.replaceChildren(...products.map(product => {
    const name = lang() === "en" ? product.title_en ?? product.title : product.title;
    const button = h("button", { type: "button", class: "wa-product", "data-testid": "wa-photo-product", "data-product-id": product.id },
      h("img", { src: product.imageUrl, alt: name, width: "56", height: "56" }));
    button.addEventListener("click", () => void sendPhoto(() => pictureAsPng(product.imageUrl), t("photoOf", { name })));
    return h("li", null, button);
  }));
}

function show(item: HTMLElement): HTMLElement {
  el.empty.hidden = true;
  el.chat.append(item);
  item.scrollIntoView({ block: "nearest" });
  return item;
}

function error(text: string): void {
  show(h("li", { class: "wa-error", "data-testid": "wa-error", role: "alert" }, text));
}

/** A URL of this host (the shop's attachment link, /media/out/…): the page can show it as a picture. */
function sameOrigin(url: string): boolean {
  try {
    return new URL(url, location.href).origin === location.origin;
  } catch {
    return false;
  }
}

function bubble(direction: "in" | "out", body: string, media: string[], note?: string): HTMLElement {
  const item = h("li", { class: `wa-bubble wa-${direction}`, "data-testid": "wa-message", "data-direction": direction },
    ...media.map(url => url.startsWith("blob:") || url.startsWith("/") || sameOrigin(url)
      ? h("img", { class: "wa-media", src: url, alt: t("media") })
      : h("a", { class: "wa-media-link", href: url, target: "_blank", rel: "noopener" }, `📎 ${t("media")}`)),
    note ? h("small", { class: "wa-note" }, note) : null,
    body ? h("span", { class: "wa-text" }, ...linkified(body)) : null,
    h("span", { class: "wa-ticks", "data-testid": "wa-ticks", "aria-live": "polite" }));
  return show(item);
}

/** ✓ sent, ✓✓ delivered, blue ✓✓ read: the shop's messages show how far they got. */
function renderTicks(item: HTMLElement): void {
  const status = item.dataset.status ?? "";
  const ticks = $(item, ".wa-ticks");
  ticks.textContent = status === "sent" ? "✓" : status === "delivered" || status === "read" ? "✓✓" : "";
  ticks.title = status === "sent" || status === "delivered" || status === "read" ? t(status) : "";
  ticks.classList.toggle("wa-read", status === "read");
}

function explain(failure: unknown): string {
  if (failure instanceof WebhookError) {
    return failure.status === 404 ? t("noEndpoint", { path: failure.path }) : t("refused", { status: failure.status, path: failure.path });
  }
  return t("failed", { detail: failure instanceof ApiError || failure instanceof Error ? failure.message : String(failure) });
}

/** Posts the customer's message to the shop as Twilio would, and shows the replies its TwiML carries. */
async function deliver(body: string, media: StoredMedia[], preview: string[], note?: string): Promise<void> {
  if (!setup) return;
  const mine = bubble("in", body, preview, note);
  try {
    const who = customer();
    const answer = await postAsTwilio(webhook, inboundFields(setup.accountSid, setup.shopNumber, who, body, media));
    mine.dataset.status = "received";
    for (const reply of replies(answer, address(who.channel, who.number))) bubble("out", reply.body, reply.media).dataset.status = "delivered";
  } catch (failure) {
    mine.dataset.status = "failed";
    error(explain(failure));
  }
}

async function sendText(): Promise<void> {
  const body = el.text.value.trim();
  if (!body) return;
  el.text.value = "";
  await deliver(body, [], []);
}

async function sendPhoto(picture: () => Promise<Blob>, note: string): Promise<void> {
  el.photos.hidden = true;
  el.photo.setAttribute("aria-expanded", "false");
  try {
    const blob = await picture();
    if (!photoTypes.includes(blob.type)) {
      error(t("badType"));
      return;
    }
    const stored = await storeMedia(blob);
    const caption = el.text.value.trim();
    el.text.value = "";
    await deliver(caption, [stored], [URL.createObjectURL(blob)], note);
  } catch (failure) {
    error(explain(failure));
  }
}

/**
 * Follows the simulated REST API for the shop's messages to this customer, shows them, and plays
 * Twilio's delivery: sent, delivered, and on WhatsApp read once the page is in view.
 */
async function watchMessages(from: number): Promise<void> {
  let after = from;
  for (;;) {
    try {
      const feed = await twilioEvents(after);
      for (const event of feed.events) {
        if (event.kind === "message.created" && event.to === address(channel(), e164(el.from.value))) void receive(event);
      }
      after = feed.next;
    } catch {
      // Tried again at the next tick.
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

async function receive(event: TwilioEvent): Promise<void> {
  const note = event.contentSid ? t("template", { sid: event.contentSid }) : undefined;
  const item = bubble("out", event.body ?? "", event.mediaUrls ?? [], note);
  item.dataset.status = "queued";
  if (event.messageSid) item.dataset.messageSid = event.messageSid;
  for (const status of ["sent", "delivered"] as const) {
    await new Promise(resolve => setTimeout(resolve, stateDelayMs));
    if (!(await report(event, item, status))) return;
  }
  if (!event.to?.startsWith("whatsapp:")) return;
  unread.push({ event, item });
  readWhenSeen();
}

/** WhatsApp reports a message read when its reader has it on screen. */
function readWhenSeen(): void {
  if (document.visibilityState !== "visible") return;
  for (const { event, item } of unread.splice(0)) void report(event, item, "read");
}

/** Moves the shop's message on, and tells the shop at its StatusCallback (none given: nothing is posted). */
async function report(event: TwilioEvent, item: HTMLElement, status: "sent" | "delivered" | "read"): Promise<boolean> {
  item.dataset.status = status;
  renderTicks(item);
  if (!event.statusCallback || !event.messageSid || !setup) return true;
  try {
    await postAsTwilio(event.statusCallback, statusFields(setup.accountSid, event.messageSid, event.from ?? "", event.to ?? "", status));
    return true;
  } catch (failure) {
    error(explain(failure));
    return false;
  }
}

/** "24 h later": the host moves this customer's last message a day back (the demo's clock is real). */
async function later(): Promise<void> {
  const who = customer();
  try {
    await api("/demo/whatsapp/later", { body: { from: address(who.channel, who.number) } });
    el.laterDone.textContent = t("laterDone");
  } catch (failure) {
    error(explain(failure));
  }
}

function wire(): void {
  el.later.addEventListener("click", () => void later());
  el.compose.addEventListener("submit", event => {
    event.preventDefault();
    void sendText();
  });
  el.photo.addEventListener("click", () => {
    el.photos.hidden = !el.photos.hidden;
    el.photo.setAttribute("aria-expanded", String(!el.photos.hidden));
  });
  el.file.addEventListener("change", () => {
    const file = el.file.files?.[0];
    el.file.value = "";
    if (file) void sendPhoto(async () => file, t("photoOf", { name: file.name }));
  });
  for (const radio of document.querySelectorAll<HTMLInputElement>("input[name='wa-channel']")) radio.addEventListener("change", render);
  document.addEventListener("visibilitychange", readWhenSeen);
  $(document, "[data-testid='pc-lang']").addEventListener("click", () => setLang(lang() === "es" ? "en" : "es"));
  onLangChange(render);
}

async function start(): Promise<void> {
  wire();
  render();
  el.send.disabled = true;
  el.photo.disabled = true;
  try {
    setup = await api<SimulatorSetup>("/demo/phone/setup");
    products = await api<Product[]>("/demo/catalog.json");
    el.send.disabled = false;
    el.photo.disabled = false;
    render();
    void watchMessages(setup.twilioEventsAfter);
  } catch (failure) {
    error(t("setupFailed", { detail: failure instanceof Error ? failure.message : String(failure) }));
  }
}

void start();

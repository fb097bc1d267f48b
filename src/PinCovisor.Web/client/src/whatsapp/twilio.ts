// What Twilio sends and answers for messaging: the inbound webhook's fields, the MessagingResponse's
// replies, and the status callbacks of an outbound message's delivery.
import { api } from "../shared/api";
import { newSid, type Params } from "../phone/webhooks";

export type Channel = "whatsapp" | "sms";

/** The customer this page plays. */
export interface Customer {
  channel: Channel;
  /** E.164, e.g. +34600123456. */
  number: string;
  profileName: string;
}

/** A photo stored by the simulated API (POST /demo/whatsapp/media), ready to be a MediaUrl. */
export interface StoredMedia {
  messageSid: string;
  mediaSid: string;
  url: string;
  contentType: string;
}

/** A reply the TwiML answer carried (<Message>, its <Body> and <Media>). */
export interface Reply {
  body: string;
  media: string[];
}

/** The channel's address of a number: whatsapp:+34… on WhatsApp, the bare number by SMS. */
export function address(channel: Channel, e164: string): string {
  return channel === "whatsapp" ? `whatsapp:${e164}` : e164;
}

/** The inbound messaging webhook's form, as Twilio posts it when the customer writes. */
export function inboundFields(accountSid: string, shopNumber: string, customer: Customer, body: string, media: StoredMedia[]): Params {
  const sid = media[0]?.messageSid ?? newSid("SM");
  const fields: Params = {
    MessageSid: sid,
    SmsMessageSid: sid,
    SmsSid: sid,
    AccountSid: accountSid,
    From: address(customer.channel, customer.number),
    To: address(customer.channel, shopNumber),
    Body: body,
    NumMedia: String(media.length),
    NumSegments: "1",
    SmsStatus: "received",
    ApiVersion: "2010-04-01",
  };
  media.forEach((m, i) => {
    fields[`MediaUrl${i}`] = m.url;
    fields[`MediaContentType${i}`] = m.contentType;
  });
  if (customer.channel === "whatsapp") {
    fields.ProfileName = customer.profileName;
    fields.WaId = customer.number.replace(/^\+/, "");
  }
  return fields;
}

/**
 * The replies of a MessagingResponse to <paramref name="customer"/>: each <Message>, its text (or
 * <Body>) and its <Media>. A <Message to="…"> for someone else goes to them, not to this phone.
 */
export function replies(twiml: Document | null, customer: string): Reply[] {
  if (!twiml) return [];
  const verbs = Array.from(twiml.documentElement.children).filter(verb => verb.tagName === "Message");
  return verbs.filter(message => (message.getAttribute("to") ?? customer) === customer).map(message => {
    const body = message.getElementsByTagName("Body")[0];
    const text = body ? (body.textContent ?? "")
      : Array.from(message.childNodes).filter(n => n.nodeType === Node.TEXT_NODE || n.nodeType === Node.CDATA_SECTION_NODE)
        .map(n => n.textContent ?? "").join("");
    return { body: text.trim(), media: Array.from(message.getElementsByTagName("Media"), m => (m.textContent ?? "").trim()) };
  });
}

/** The status callback of an outbound message, as Twilio posts it at each delivery state. */
export function statusFields(accountSid: string, messageSid: string, from: string, to: string, status: "sent" | "delivered" | "read"): Params {
  return {
    MessageSid: messageSid,
    SmsSid: messageSid,
    MessageStatus: status,
    SmsStatus: status,
    AccountSid: accountSid,
    From: from,
    To: to,
    ApiVersion: "2010-04-01",
  };
}

/** Keeps the photo's bytes in the simulated API, where the host downloads them with the account's credentials. */
export async function storeMedia(photo: Blob): Promise<StoredMedia> {
  return api<StoredMedia>("/demo/whatsapp/media", { body: photo });
}

/**
 * The shop's product pictures are SVG, which WhatsApp does not carry: drawn on a canvas they become
 * the PNG a customer's phone would send.
 */
export async function pictureAsPng(url: string): Promise<Blob> {
  const image = new Image();
  image.src = url;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = 600;
  canvas.height = 600;
  canvas.getContext("2d")?.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob(blob => (blob ? resolve(blob) : reject(new Error("no PNG"))), "image/png"));
}

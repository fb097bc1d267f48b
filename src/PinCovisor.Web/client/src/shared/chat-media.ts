// The attachments of a customer's WhatsApp or SMS message in the chat: "arriving" while the host
// fetches them from Twilio, then the photo (opens full size), the PDF (a download with its size),
// or a line saying why one was not kept. docs/whatsapp.md#media, docs/hub-protocol.md (chat.media).

import { h } from "./dom";
import { lang, onLangChange, translator, type Dictionary } from "./i18n";

const dictionary = {
  es: {
    pending: "Adjunto en camino…", photo: "Foto del cliente", pdf: "PDF · {size}", unknown: "tipo desconocido",
    type: "No se ha guardado un adjunto ({type}): solo se guardan fotos y PDF.",
    size: "No se ha guardado un adjunto ({type}): es demasiado grande.",
    count: "No se ha guardado un adjunto ({type}): el mensaje traía demasiados.",
    unreadable: "No se ha guardado una imagen ({type}): no se puede leer.",
    quota: "No se ha guardado un adjunto ({type}): la sesión ya tiene todos los archivos que admite.",
    fetch: "No se ha guardado un adjunto ({type}): no se ha podido descargar de Twilio.",
  },
  en: {
    pending: "Attachment arriving…", photo: "Customer's photo", pdf: "PDF · {size}", unknown: "unknown type",
    type: "An attachment ({type}) was not kept: only photos and PDF files are.",
    size: "An attachment ({type}) was not kept: it is too large.",
    count: "An attachment ({type}) was not kept: the message carried too many.",
    unreadable: "An image ({type}) was not kept: it cannot be read.",
    quota: "An attachment ({type}) was not kept: the session holds all the files it may.",
    fetch: "An attachment ({type}) was not kept: it could not be fetched from Twilio.",
  },
} satisfies Dictionary<string>;
const t = translator(dictionary);
type Reason = "type" | "size" | "count" | "unreadable" | "quota" | "fetch";
const reasons: readonly Reason[] = ["type", "size", "count", "unreadable", "quota", "fetch"];

/** One attachment as chat.message (pending) and chat.media (stored or refused) carry it. */
interface Attachment {
  state?: unknown;
  contentType?: unknown;
  url?: unknown;
  bytes?: unknown;
  width?: unknown;
  height?: unknown;
  reason?: unknown;
}

// Nodes worded in the UI language, worded again when it changes.
const worded: Array<{ node: HTMLElement; apply: () => void }> = [];
onLangChange(() => {
  for (const { node, apply } of worded) if (node.isConnected) apply();
});

function relabel<T extends HTMLElement>(node: T, apply: (node: T) => void): T {
  apply(node);
  worded.push({ node, apply: () => apply(node) });
  return node;
}

function word(node: HTMLElement, text: () => string): HTMLElement {
  return relabel(node, n => { n.textContent = text(); });
}

function size(bytes: number): string {
  const format = (n: number, unit: string) => `${new Intl.NumberFormat(lang(), { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  return bytes >= 1024 * 1024 ? format(bytes / 1024 / 1024, "MB") : format(Math.max(1, bytes / 1024), "KB");
}

function item(media: Attachment, href: (url: string) => string): HTMLElement {
  const type = typeof media.contentType === "string" ? media.contentType : "";
  if (media.state === "stored" && typeof media.url === "string" && media.url.startsWith("/api/")) {
    const url = href(media.url);
    if (type.startsWith("image/")) {
      // Its size reserves its place before it loads, so the log does not jump.
      const width = typeof media.width === "number" ? media.width : null;
      const height = typeof media.height === "number" ? media.height : null;
      const image = relabel(h("img", { class: "pc-msg-photo", "data-testid": "pc-chat-photo", src: url, width, height }),
        n => { n.alt = t("photo"); });
      return h("a", { class: "pc-msg-attachment", href: url, target: "_blank", rel: "noopener" }, image);
    }
    const bytes = typeof media.bytes === "number" ? media.bytes : 0;
    return word(h("a", { class: "pc-msg-attachment pc-msg-file", "data-testid": "pc-chat-file", href: url, download: "" }),
      () => t("pdf", { size: size(bytes) }));
  }
  if (media.state === "refused") {
    const reason = reasons.find(r => r === media.reason) ?? "fetch";
    return word(h("p", { class: "pc-msg-attachment pc-msg-refused", "data-testid": "pc-chat-refused", "data-reason": reason }),
      () => t(reason, { type: type || t("unknown") }));
  }
  return word(h("p", { class: "pc-msg-attachment pc-msg-pending", "data-testid": "pc-chat-pending" }), () => t("pending"));
}

/** The attachments block of a message, or null when it has none. */
export function mediaBlock(media: unknown, href: (url: string) => string): HTMLElement | null {
  if (!Array.isArray(media) || media.length === 0) return null;
  return h("div", { class: "pc-msg-media", "data-testid": "pc-chat-media" }, ...media.map(m => item(m as Attachment, href)));
}

/** Replaces a block's attachments with what chat.media says became of them. */
export function updateMedia(block: HTMLElement, media: unknown, href: (url: string) => string): void {
  if (!Array.isArray(media)) return;
  block.replaceChildren(...media.map(m => item(m as Attachment, href)));
}

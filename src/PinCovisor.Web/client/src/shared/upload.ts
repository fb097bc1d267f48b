// Photos into a session (POST /api/sessions/{id}/media, with progress) and the one-time link that
// brings the customer's phone in (POST /api/sessions/{id}/devices). docs/media.md, docs/security.md.

import { ApiError, api } from "./api";
import type { components } from "../generated/rest";
import { h } from "./dom";
import { formatTime, translator } from "./i18n";

const t = translator({
  es: {
    tooBig: "La foto es demasiado grande. Prueba con una más pequeña.",
    type: "Solo se pueden compartir fotos JPEG, PNG o WebP.",
    damaged: "No hemos podido leer esa foto (está dañada o tiene demasiados píxeles).",
    quota: "Ya se han compartido todas las fotos permitidas en esta sesión.",
    network: "No se ha podido enviar la foto. Revisa la conexión y vuelve a intentarlo.",
    title: "Continúa en tu móvil", scan: "Escanea este código con la cámara del móvil, o abre el enlace en él.",
    once: "El enlace sirve una sola vez y caduca a las {time}.", close: "Cerrar", copy: "Copiar enlace", copied: "Copiado",
    qr: "Código QR del enlace",
  },
  en: {
    tooBig: "That photo is too large. Try a smaller one.",
    type: "Only JPEG, PNG or WebP photos can be shared.",
    damaged: "We could not read that photo (it is damaged or has too many pixels).",
    quota: "This session has already shared as many photos as it can.",
    network: "The photo could not be sent. Check your connection and try again.",
    title: "Continue on your phone", scan: "Scan this code with your phone's camera, or open the link on it.",
    once: "The link works once and expires at {time}.", close: "Close", copy: "Copy link", copied: "Copied",
    qr: "QR code of the link",
  },
});

export type UploadedMedia = components["schemas"]["Uploaded"];

/** Human text for a failed upload. */
export function uploadError(error: unknown): string {
  if (!(error instanceof ApiError)) return t("network");
  switch (error.status) {
    case 413: return t("tooBig");
    case 415: return t("type");
    case 422: return t("damaged");
    case 429: return t("quota");
    default: return error.detail ?? error.title;
  }
}

/** Uploads one file as multipart; reports progress 0–1. Rejects with an ApiError like api() does. */
export function uploadMedia(baseUrl: string, token: string | null, sessionId: string, file: File,
  onProgress: (fraction: number) => void): Promise<UploadedMedia> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `${baseUrl}/api/sessions/${encodeURIComponent(sessionId)}/media`);
    request.setRequestHeader("Accept", "application/json");
    if (token) request.setRequestHeader("Authorization", `Bearer ${token}`);
    request.upload.addEventListener("progress", e => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    request.addEventListener("error", () => reject(new TypeError("network")));
    request.addEventListener("load", () => {
      let body: Record<string, unknown> | undefined;
      try {
        body = JSON.parse(request.responseText) as Record<string, unknown>;
      } catch {
        body = undefined;
      }
      if (request.status === 201 && body) {
        resolve(body as unknown as UploadedMedia);
        return;
      }
      const retry = Number(request.getResponseHeader("Retry-After"));
      reject(new ApiError(request.status, typeof body?.title === "string" ? body.title : request.statusText,
        typeof body?.detail === "string" ? body.detail : undefined, retry > 0 ? retry : undefined, body));
    });
    const form = new FormData();
    form.append("file", file, file.name || "photo");
    request.send(form);
  });
}

type DeviceLink = components["schemas"]["DeviceLinkView"];

/** Mints a second-device link and shows it with its QR code in a modal dialog under <paramref name="host"/>. */
export async function showDeviceLink(host: HTMLElement, baseUrl: string, token: string, sessionId: string): Promise<void> {
  const link = await api<DeviceLink>(`/api/sessions/${encodeURIComponent(sessionId)}/devices`, {
    baseUrl, token, method: "POST", credentials: "omit",
  });
  // The QR goes in as an image (data: URL), never as markup in our page.
  const qr = h("img", { class: "pc-qr", alt: t("qr"), width: 220, height: 220, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(link.qrSvg)}` });
  const close = h("button", { type: "button", class: "pc-button" }, t("close"));
  const copy = h("button", { type: "button", class: "pc-button pc-secondary" }, t("copy"));
  const heading = h("h2", { class: "pc-dialog-title", id: `pc-device-title-${sessionId}` }, t("title"));
  const dialog = h("dialog", { class: "pc-dialog", "aria-labelledby": heading.id },
    heading, h("p", null, t("scan")), qr,
    h("p", { class: "pc-device-url" }, h("a", { href: link.url, target: "_blank", rel: "noopener noreferrer" }, link.url)),
    h("p", { class: "pc-muted" }, t("once", { time: formatTime(link.expiresAt) })),
    h("div", { class: "pc-dialog-actions" }, copy, close));
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => dialog.remove());
  copy.addEventListener("click", () => {
    void navigator.clipboard?.writeText(link.url).then(() => { copy.textContent = t("copied"); }, () => undefined);
  });
  host.append(dialog);
  dialog.showModal();
  close.focus();
}

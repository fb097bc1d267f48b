// The messaging simulator's words, Spanish and English.
import { translator, type Dictionary } from "../shared/i18n";

const dictionary: Dictionary<
  | "title" | "subtitle" | "back" | "phoneLink" | "lang" | "from" | "name" | "channel" | "empty" | "pickPhoto" | "upload" | "photo"
  | "message" | "send" | "howTitle" | "how" | "ticks" | "setupFailed" | "noEndpoint" | "refused" | "failed"
  | "badType" | "sent" | "delivered" | "read" | "template" | "media" | "photoOf"
> = {
  es: {
    title: "Simulador de WhatsApp",
    subtitle: "Escribe a Tienda Aurora como lo haría un cliente, por WhatsApp o SMS. El simulador hace el papel de Twilio contra los webhooks reales.",
    back: "Volver a la tienda",
    phoneLink: "Simulador de teléfono",
    lang: "English",
    from: "Tu número",
    name: "Tu nombre",
    channel: "Canal",
    empty: "Escribe un mensaje para empezar. Las respuestas de la tienda aparecerán aquí.",
    pickPhoto: "Elige una foto de la tienda o sube una tuya:",
    upload: "Subir una foto",
    photo: "Enviar una foto",
    message: "Mensaje",
    send: "Enviar",
    howTitle: "Cómo funciona",
    how: "Cada mensaje llega a la tienda como lo enviaría Twilio: firmado, a /twilio/messaging. Lo que la tienda envía por la API REST de Twilio (la simulada) aparece aquí, y el simulador le avisa de que se entregó y se leyó.",
    ticks: "✓ enviado · ✓✓ entregado · ✓✓ azul: leído (solo WhatsApp, con esta página a la vista)",
    setupFailed: "No se pudo preparar el simulador: {detail}",
    noEndpoint: "La tienda no recibe mensajes: este host no tiene {path} (HTTP 404).",
    refused: "La tienda rechazó el mensaje: HTTP {status} en {path}.",
    failed: "El mensaje no llegó: {detail}",
    badType: "Esa foto no vale: envía JPEG, PNG, GIF o WebP.",
    sent: "Enviado",
    delivered: "Entregado",
    read: "Leído",
    template: "Plantilla {sid}",
    media: "Adjunto",
    photoOf: "Foto: {name}",
  },
  en: {
    title: "WhatsApp simulator",
    subtitle: "Write to Tienda Aurora as a customer would, on WhatsApp or by SMS. The simulator plays Twilio's part against the real webhooks.",
    back: "Back to the shop",
    phoneLink: "Phone simulator",
    lang: "Español",
    from: "Your number",
    name: "Your name",
    channel: "Channel",
    empty: "Write a message to start. The shop's replies appear here.",
    pickPhoto: "Pick a photo of the shop's or upload your own:",
    upload: "Upload a photo",
    photo: "Send a photo",
    message: "Message",
    send: "Send",
    howTitle: "How it works",
    how: "Each message reaches the shop as Twilio would send it: signed, to /twilio/messaging. What the shop sends through Twilio's REST API (the simulated one) appears here, and the simulator tells the shop it was delivered and read.",
    ticks: "✓ sent · ✓✓ delivered · blue ✓✓ read (WhatsApp only, with this page in view)",
    setupFailed: "The simulator could not start: {detail}",
    noEndpoint: "The shop takes no messages: this host has no {path} (HTTP 404).",
    refused: "The shop refused the message: HTTP {status} at {path}.",
    failed: "The message did not arrive: {detail}",
    badType: "That photo will not do: send a JPEG, PNG, GIF or WebP.",
    sent: "Sent",
    delivered: "Delivered",
    read: "Read",
    template: "Template {sid}",
    media: "Attachment",
    photoOf: "Photo: {name}",
  },
};

export const t = translator(dictionary);
export type WhatsAppKey = Parameters<typeof t>[0];

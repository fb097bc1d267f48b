// The console's words in Spanish and English, and the small bindings that keep static text in
// step with the language switch: elements carry data-i18n (text) or data-i18n-attr
// ("aria-label:key;placeholder:key") and are refreshed in place when the language changes.
import { lang, onLangChange, translator, type Dictionary } from "../shared/i18n.js";
import { h } from "../shared/dom.js";

const dictionary = {
  es: {
    appTitle: "PhoneBridge — Agente",
    brand: "PhoneBridge",
    brandSub: "Consola de agente",
    loginTitle: "Inicia sesión",
    loginLead: "Atiende llamadas y comparte lo que ves con tus clientes.",
    username: "Usuario",
    password: "Contraseña",
    signIn: "Entrar",
    wrongLogin: "Usuario o contraseña incorrectos.",
    throttled: "Demasiados intentos. Vuelve a probar en {time}.",
    offline: "Sin conexión. La consola se abrirá cuando vuelva la red.",
    retry: "Reintentar",
    logout: "Salir",
    menu: "Menú",
    openMenu: "Abrir la navegación",
    closeMenu: "Volver a la sesión",
    presence: "Estado",
    available: "Disponible",
    busy: "Ocupado",
    away: "Ausente",
    enableNotifications: "Activar avisos",
    notificationsOn: "Avisos activados",
    notificationsBlocked: "El navegador bloquea los avisos",
    switchLang: "Switch to English",
    langShort: "EN",
    connecting: "Conectando…",
    connected: "En línea",
    reconnecting: "Reconectando…",
    disconnected: "Desconectado",
    calls: "Llamadas",
    callsEmpty: "No hay llamadas en curso.",
    claimLabel: "PIN que te lee el cliente",
    claimPlaceholder: "PIN del cliente",
    claim: "Vincular",
    claimed: "Llamada vinculada.",
    claimNotFound: "Ningún PIN en curso coincide.",
    claimHint: "¿La llamada no pasó por el IVR? Pide el PIN y vincúlala.",
    unknownCaller: "Número oculto",
    waitingFor: "espera {time}",
    inCallFor: "en llamada {time}",
    answeredBy: "Atiende {name}",
    you: "tú",
    pinLive: "PIN sin usar",
    pinRedeemed: "Cliente conectado",
    pinNone: "Sin PIN",
    queued: "En cola",
    ringing: "Sonando",
    "in-progress": "En curso",
    completed: "Terminada",
    busyCall: "Comunicando",
    "no-answer": "Sin respuesta",
    failed: "Fallida",
    canceled: "Cancelada",
    openSession: "Abrir sesión",
    waitingRoom: "Sala de espera",
    waitingEmpty: "Nadie espera.",
    waitingSince: "Esperando desde {time}",
    admit: "Admitir",
    reject: "Rechazar",
    admitted: "Cliente admitido.",
    rejected: "Dispositivo rechazado.",
    sessions: "Sesiones",
    sessionsEmpty: "Sin sesiones abiertas. Cuando un cliente introduzca su PIN aparecerá aquí.",
    sessionFromCall: "Llamada {number}",
    sessionFromWeb: "Visita web",
    unreadCount: "{count} sin leer",
    pendingCount: "{count} esperando",
    visitors: "Visitantes",
    visitorsEmpty: "Ahora no hay nadie en la tienda.",
    invite: "Invitar",
    invited: "Invitado",
    inviteSent: "Invitación enviada; se abrirá cuando el visitante cambie de página.",
    pagesSeen: "{count} páginas",
    lastSeen: "hace {time}",
    emptyTitle: "Elige una sesión",
    emptyLead: "Admite a quien espera o abre una sesión de la lista para ver y hablar con el cliente.",
    callStatus: "Llamada",
    noCall: "Sesión web (sin llamada)",
    devices: "Dispositivos del cliente",
    noDevices: "Ninguno aún",
    deviceUnknown: "Dispositivo desconocido",
    pending: "esperando",
    admittedState: "dentro",
    catalog: "Catálogo",
    catalogSearch: "Buscar productos",
    catalogPlaceholder: "Nombre o referencia",
    catalogEmpty: "Sin resultados.",
    catalogHint: "Escribe para buscar en el catálogo.",
    shareProduct: "Ficha",
    shareImage: "Imagen",
    shareProductLabel: "Compartir la ficha de {title}",
    shareImageLabel: "Compartir la imagen de {title}",
    shared: "Compartido.",
    video: "Vídeo",
    videoSelect: "Vídeo de la tienda",
    videoNone: "La tienda no tiene vídeos",
    videoLoad: "Reproducir",
    transfer: "Transferir",
    transferTitle: "Transferir la sesión",
    transferLead: "Elige un agente disponible. El cliente verá su nombre.",
    transferTo: "Agente",
    transferNone: "No hay otro agente disponible ahora.",
    transferDone: "Sesión transferida a {name}.",
    endSession: "Terminar",
    endTitle: "¿Terminar la sesión?",
    endLead: "El cliente dejará de ver lo que compartes. El historial se puede seguir descargando.",
    endConfirm: "Terminar sesión",
    cancel: "Cancelar",
    transcriptCsvLabel: "Descargar la transcripción (CSV)",
    transcriptJsonLabel: "Descargar la transcripción (JSON)",
    sessionEndedBy: "Esta sesión ha terminado. Puedes descargar la transcripción.",
    transferredAway: "Esta sesión ahora la atiende {name}.",
    closeSessionLabel: "Dejar de seguir esta sesión",
    notifyJoinTitle: "Un cliente espera",
    notifyJoinBody: "{device} quiere entrar en la sesión.",
    notifyMessageTitle: "Mensaje del cliente",
    secondsShort: "{n} s",
    minutesShort: "{n} min",
    minutesSeconds: "{m} min {s} s",
    hoursShort: "{h} h {m} min",
  },
  en: {
    appTitle: "PhoneBridge — Agent",
    brand: "PhoneBridge",
    brandSub: "Agent console",
    loginTitle: "Sign in",
    loginLead: "Answer calls and show your customers what you see.",
    username: "Username",
    password: "Password",
    signIn: "Sign in",
    wrongLogin: "Wrong username or password.",
    throttled: "Too many attempts. Try again in {time}.",
    offline: "You are offline. The console opens when the network is back.",
    retry: "Try again",
    logout: "Sign out",
    menu: "Menu",
    openMenu: "Open navigation",
    closeMenu: "Back to the session",
    presence: "Status",
    available: "Available",
    busy: "Busy",
    away: "Away",
    enableNotifications: "Turn on alerts",
    notificationsOn: "Alerts are on",
    notificationsBlocked: "The browser blocks alerts",
    switchLang: "Cambiar a español",
    langShort: "ES",
    connecting: "Connecting…",
    connected: "Online",
    reconnecting: "Reconnecting…",
    disconnected: "Offline",
    calls: "Calls",
    callsEmpty: "No calls right now.",
    claimLabel: "PIN the caller reads out",
    claimPlaceholder: "Caller's PIN",
    claim: "Claim",
    claimed: "Call claimed.",
    claimNotFound: "No live call has this PIN.",
    claimHint: "Call not routed by the IVR? Ask for the PIN and claim it.",
    unknownCaller: "Hidden number",
    waitingFor: "waiting {time}",
    inCallFor: "on the call {time}",
    answeredBy: "Answered by {name}",
    you: "you",
    pinLive: "PIN not used yet",
    pinRedeemed: "Customer joined",
    pinNone: "No PIN",
    queued: "Queued",
    ringing: "Ringing",
    "in-progress": "In progress",
    completed: "Completed",
    busyCall: "Busy",
    "no-answer": "No answer",
    failed: "Failed",
    canceled: "Canceled",
    openSession: "Open session",
    waitingRoom: "Waiting room",
    waitingEmpty: "Nobody is waiting.",
    waitingSince: "Waiting since {time}",
    admit: "Admit",
    reject: "Reject",
    admitted: "Customer admitted.",
    rejected: "Device turned away.",
    sessions: "Sessions",
    sessionsEmpty: "No open sessions. When a customer types their PIN it shows up here.",
    sessionFromCall: "Call {number}",
    sessionFromWeb: "Web visit",
    unreadCount: "{count} unread",
    pendingCount: "{count} waiting",
    visitors: "Visitors",
    visitorsEmpty: "Nobody is on the shop right now.",
    invite: "Invite",
    invited: "Invited",
    inviteSent: "Invitation sent; it opens on the visitor's next page.",
    pagesSeen: "{count} pages",
    lastSeen: "{time} ago",
    emptyTitle: "Pick a session",
    emptyLead: "Admit whoever is waiting or open a session from the list to see and talk to the customer.",
    callStatus: "Call",
    noCall: "Web session (no call)",
    devices: "Customer's devices",
    noDevices: "None yet",
    deviceUnknown: "Unknown device",
    pending: "waiting",
    admittedState: "in",
    catalog: "Catalog",
    catalogSearch: "Search products",
    catalogPlaceholder: "Name or reference",
    catalogEmpty: "No results.",
    catalogHint: "Type to search the catalog.",
    shareProduct: "Card",
    shareImage: "Image",
    shareProductLabel: "Share the card of {title}",
    shareImageLabel: "Share the picture of {title}",
    shared: "Shared.",
    video: "Video",
    videoSelect: "Shop video",
    videoNone: "The shop has no videos",
    videoLoad: "Play",
    transfer: "Transfer",
    transferTitle: "Transfer the session",
    transferLead: "Pick an available agent. The customer will see their name.",
    transferTo: "Agent",
    transferNone: "No other agent is available right now.",
    transferDone: "Session transferred to {name}.",
    endSession: "End",
    endTitle: "End the session?",
    endLead: "The customer stops seeing what you share. You can still download the transcript.",
    endConfirm: "End session",
    cancel: "Cancel",
    transcriptCsvLabel: "Download the transcript (CSV)",
    transcriptJsonLabel: "Download the transcript (JSON)",
    sessionEndedBy: "This session has ended. You can download the transcript.",
    transferredAway: "{name} is now in charge of this session.",
    closeSessionLabel: "Stop following this session",
    notifyJoinTitle: "A customer is waiting",
    notifyJoinBody: "{device} wants to join the session.",
    notifyMessageTitle: "Message from the customer",
    secondsShort: "{n} s",
    minutesShort: "{n} min",
    minutesSeconds: "{m} min {s} s",
    hoursShort: "{h} h {m} min",
  },
} satisfies Dictionary<string>;

export type Key = keyof typeof dictionary.en;

export const t = translator<Key>(dictionary as Dictionary<Key>);

/** A span whose text follows the language. */
export function T(key: Key): HTMLSpanElement {
  return h("span", { "data-i18n": key }, t(key));
}

/** Attributes translated now and again on every language change: <c>{ "aria-label": "logout" }</c>. */
export function i18nAttrs(map: Record<string, Key>): Record<string, string> {
  const result: Record<string, string> = {
    "data-i18n-attr": Object.entries(map).map(([name, key]) => `${name}:${key}`).join(";"),
  };
  for (const [name, key] of Object.entries(map)) result[name] = t(key);
  return result;
}

/** "42 s", "3 min 5 s", "1 h 4 min". */
export function duration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s < 60) return t("secondsShort", { n: s });
  if (s < 3600) return s % 60 === 0 ? t("minutesShort", { n: s / 60 }) : t("minutesSeconds", { m: Math.floor(s / 60), s: s % 60 });
  return t("hoursShort", { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
}

/** Words for a Twilio call status. */
export function callStatusText(status: string): string {
  switch (status) {
    case "queued": case "ringing": case "in-progress": case "completed": case "no-answer": case "failed": case "canceled":
      return t(status);
    case "busy":
      return t("busyCall");
    default:
      return status;
  }
}

onLangChange(() => {
  document.documentElement.lang = lang();
  for (const element of document.querySelectorAll<HTMLElement>("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n as Key);
  }
  for (const element of document.querySelectorAll<HTMLElement>("[data-i18n-attr]")) {
    for (const pair of (element.dataset.i18nAttr ?? "").split(";")) {
      const [name, key] = pair.split(":");
      if (name && key) element.setAttribute(name, t(key as Key));
    }
  }
});

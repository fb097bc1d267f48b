// The customer screens' words, in Spanish and English.

import { translator } from "../shared/i18n";

export const t = translator({
  es: {
    title: "Pantalla compartida", switchLang: "Cambiar idioma a inglés", anAgent: "Un agente",
    joining: "Entrando…", willLetYouIn: " te dará paso en un momento.",
    keepCall: "No cuelgues: esta pantalla se actualizará sola.", with: "Con", admitted: "Ya estás dentro.",
    endedTitle: "La sesión ha terminado", endedText: "Gracias por tu visita. Puedes cerrar esta ventana.",
    callEndedTitle: "La llamada ha terminado",
    callEndedText: "Ya no hace falta esperar. Si aún necesitas ayuda, vuelve a llamarnos: oirás un código nuevo.",
    rejectedTitle: "No se ha podido entrar", rejectedText: "El agente no ha aceptado esta conexión. Si sigues en la llamada, pídele un código nuevo.",
    csatQuestion: "¿Qué tal te hemos atendido?", csatHint: "1 = mal, 5 = muy bien", csatScore: "{score} de 5",
    csatComment: "Comentario (opcional)", csatSend: "Enviar", csatThanks: "¡Gracias por tu respuesta!",
    csatFailed: "No se ha podido enviar. Inténtalo de nuevo.",
    newCode: "Introducir otro código", reconnecting: "Reconectando…", offline: "Sin conexión. Lo seguimos intentando.",
    pinTitle: "Introduce tu código", pinLead: "Escribe el código que te han dicho por teléfono para ver lo que te enseña el agente.",
    pinLabel: "Código", pinSubmit: "Entrar",
    waitText: "Demasiados intentos desde esta conexión: podrás volver a probar cuando acabe la cuenta atrás del botón.", pinNote: "El agente te dará paso en cuanto entres.",
    "status.queued": "Llamada en espera", "status.ringing": "Llamando…", "status.in-progress": "Llamada en curso",
    "status.completed": "La llamada ha terminado", "status.busy": "La línea estaba ocupada", "status.no-answer": "Nadie ha contestado",
    "status.failed": "La llamada ha fallado", "status.canceled": "La llamada se ha cancelado", "status.other": "Llamada: {status}",
  },
  en: {
    title: "Shared screen", switchLang: "Switch language to Spanish", anAgent: "An agent",
    joining: "Joining…", willLetYouIn: " will let you in in a moment.",
    keepCall: "Stay on the call: this screen updates by itself.", with: "With", admitted: "You are in.",
    endedTitle: "The session has ended", endedText: "Thank you for your visit. You can close this window.",
    callEndedTitle: "The call has ended",
    callEndedText: "There is no need to wait any longer. If you still need help, call us again: you will hear a new code.",
    rejectedTitle: "You could not join", rejectedText: "The agent did not accept this connection. If you are still on the call, ask for a new code.",
    csatQuestion: "How did we do?", csatHint: "1 = bad, 5 = very good", csatScore: "{score} out of 5",
    csatComment: "Comment (optional)", csatSend: "Send", csatThanks: "Thank you for your answer!",
    csatFailed: "It could not be sent. Please try again.",
    newCode: "Enter another code", reconnecting: "Reconnecting…", offline: "Offline. We keep trying.",
    pinTitle: "Enter your code", pinLead: "Type the code you heard on the phone to see what the agent shows you.",
    pinLabel: "Code", pinSubmit: "Join",
    waitText: "Too many tries from this connection: you can try again when the countdown on the button ends.", pinNote: "The agent lets you in as soon as you join.",
    "status.queued": "Call on hold", "status.ringing": "Ringing…", "status.in-progress": "Call in progress",
    "status.completed": "The call has ended", "status.busy": "The line was busy", "status.no-answer": "Nobody answered",
    "status.failed": "The call failed", "status.canceled": "The call was cancelled", "status.other": "Call: {status}",
  },
});

const known = ["queued", "ringing", "in-progress", "completed", "busy", "no-answer", "failed", "canceled"] as const;

/** A Twilio call status in words. */
export function callStatusText(status: string): string {
  return (known as readonly string[]).includes(status) ? t(`status.${status as (typeof known)[number]}`) : t("status.other", { status });
}

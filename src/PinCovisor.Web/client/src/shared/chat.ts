// The chat of a covisor session (both sides): messages in seq order, receipts (delivered/read),
// "is typing", idempotent resend after a reconnect, product cards and system lines in the flow.

import type { ChatPanel, ChatPanelOptions, CovisorEvent, Product, Role } from "./contracts";
import { h } from "./dom";
import { lang, pluralTranslator, formatTime, onLangChange, translator, type Dictionary } from "./i18n";
import { resetKind } from "./log";
import { mediaBlock, updateMedia } from "./chat-media";
import { markOrders } from "./orders";
import { orderCard, type Order } from "./order-card";
import { productCard } from "./product";
import { Receipts } from "./receipts";

const dictionary = {
  es: {
    log: "Conversación", input: "Escribe un mensaje", send: "Enviar", typing: "{name} está escribiendo…",
    customer: "Cliente", agent: "Agente", you: "Tú", sending: "Enviando…", sent: "Enviado", delivered: "Entregado",
    read: "Leído", failed: "No se ha enviado: {reason}", retry: "Reintentar", agentJoined: "{name} se ha unido a la sesión.",
    agentChanged: "Ahora te atiende {name}.", callStatus: "Llamada: {status}", callEnded: "La llamada ha terminado.",
    ended: "La sesión ha terminado.", joined: "Un cliente ha entrado ({device}).", admitted: "Cliente admitido.",
    rejected: "Cliente rechazado.", hint: "Intro envía · Mayús+Intro, nueva línea", empty: "Aún no hay mensajes.",
    "newMessages.one": "{count} mensaje nuevo ↓", "newMessages.other": "{count} mensajes nuevos ↓",
    automatic: "Respuesta automática",
  },
  en: {
    log: "Conversation", input: "Write a message", send: "Send", typing: "{name} is typing…",
    customer: "Customer", agent: "Agent", you: "You", sending: "Sending…", sent: "Sent", delivered: "Delivered",
    read: "Read", failed: "Not sent: {reason}", retry: "Retry", agentJoined: "{name} joined the session.",
    agentChanged: "You are now with {name}.", callStatus: "Call: {status}", callEnded: "The call has ended.",
    ended: "The session has ended.", joined: "A customer joined ({device}).", admitted: "Customer admitted.",
    rejected: "Customer turned away.", hint: "Enter sends · Shift+Enter, new line", empty: "No messages yet.",
    "newMessages.one": "{count} new message ↓", "newMessages.other": "{count} new messages ↓",
    automatic: "Automatic reply",
  },
} satisfies Dictionary<string>;
const t = translator(dictionary);
const tn = pluralTranslator(dictionary);

type Receipt = "sending" | "sent" | "delivered" | "read" | "failed";

interface OwnMessage {
  messageId: string;
  text: string;
  row: HTMLElement;
  status: HTMLElement;
  seq: number;
  state: Receipt;
  /** How far Twilio got it to a WhatsApp or SMS customer (chat.delivery), with why it failed. */
  delivery?: Receipt;
  reasons?: { en: string; es: string };
}

/** Twilio's delivery states as the ticks show them (docs/whatsapp.md, "Delivery statuses"). */
function deliveryReceipt(status: unknown): Receipt {
  if (status === "delivered" || status === "read") return status;
  return status === "failed" || status === "undelivered" || status === "canceled" ? "failed" : "sent";
}

const receiptRank: Record<Receipt, number> = { sending: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

const typingSendEveryMs = 3000;
const typingIdleMs = 4000;
const typingShowMs = 6000;

let counter = 0;
function newMessageId(role: Role): string {
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `${role[0]}-${Date.now().toString(36)}-${random[0]!.toString(36)}${random[1]!.toString(36)}-${++counter}`;
}

export function createChatPanel(options: ChatPanelOptions): ChatPanel {
  const { connection, sessionId, role } = options;
  const mediaHref = options.mediaUrl ?? ((url: string) => url);
  // The attachments of customers' messages by their chat.message's seq, until chat.media says what they became.
  const mediaBlocks = new Map<number, HTMLElement>();
  const log = h("div", { class: "pc-chat-log", "data-testid": "pc-chat-log", role: "log", "aria-live": "polite", "aria-relevant": "additions", tabindex: "0" });
  const empty = h("p", { class: "pc-chat-empty" });
  log.append(empty);
  const typing = h("p", { class: "pc-chat-typing", "aria-live": "polite" });
  const input = h("textarea", { class: "pc-chat-input", "data-testid": "pc-chat-input", rows: 1, maxlength: 2000, autocomplete: "off", enterkeyhint: "send" });
  const send = h("button", { type: "submit", class: "pc-button pc-chat-send", "data-testid": "pc-chat-send" });
  const inputLabel = h("label", { class: "visually-hidden", for: `pc-chat-input-${sessionId}` });
  input.id = `pc-chat-input-${sessionId}`;
  const hint = h("p", { class: "pc-chat-hint", id: `pc-chat-hint-${sessionId}` });
  input.setAttribute("aria-describedby", hint.id);
  const form = h("form", { class: "pc-chat-form" }, inputLabel, input, send);
  // Messages that arrive while the reader is scrolled up (or the log is out of sight) are counted
  // on a cue at the foot of the log; it takes them there, and goes once they have been seen.
  const newCue = h("button", { type: "button", class: "pc-chat-new", "data-testid": "pc-chat-unread", hidden: true });
  const logBox = h("div", { class: "pc-chat-log-box" }, log, newCue);
  const element = h("section", { class: "pc-chat" }, logBox, typing, form, hint);
  let unseen = 0;
  // Lines written in the UI language (system lines, "You"), rewritten when it changes.
  const worded: Array<{ node: HTMLElement; text: () => string }> = [];

  const own = new Map<string, OwnMessage>();
  const receipts = new Receipts(connection, sessionId, () => document.visibilityState === "visible" && inSight());
  let typingHide: ReturnType<typeof setTimeout> | null = null;
  let typingSentAt = 0;
  let typingIdle: ReturnType<typeof setTimeout> | null = null;

  const mine = (author: CovisorEvent["author"]) => author.role === role;

  function label(): void {
    log.setAttribute("aria-label", t("log"));
    input.placeholder = t("input");
    inputLabel.textContent = t("input");
    send.textContent = t("send");
    hint.textContent = t("hint");
    empty.textContent = t("empty");
    for (const message of own.values()) setState(message, message.state);
    for (const { node, text } of worded) if (node.isConnected) node.textContent = text();
    for (const time of log.querySelectorAll("time")) time.textContent = formatTime(time.dateTime);
    showCue();
  }

  function word(node: HTMLElement, text: () => string): HTMLElement {
    node.textContent = text();
    worded.push({ node, text });
    return node;
  }

  function showCue(): void {
    newCue.hidden = unseen === 0;
    newCue.textContent = unseen ? tn("newMessages", unseen) : "";
  }

  function atEnd(): boolean {
    return log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  }

  /** On the page and laid out (not in a closed panel or a hidden workspace). */
  function inSight(): boolean {
    return element.isConnected && element.getClientRects().length > 0;
  }

  function scrollToEnd(): void {
    log.scrollTop = log.scrollHeight;
    unseen = 0;
    showCue();
  }

  function add(node: HTMLElement, theirs = false): void {
    empty.remove();
    const nearEnd = atEnd();
    log.append(node);
    if ((nearEnd && inSight()) || node.classList.contains("pc-own")) scrollToEnd();
    else if (theirs) {
      unseen++;
      showCue();
    }
  }

  newCue.addEventListener("click", () => {
    scrollToEnd();
    input.focus();
  });
  log.addEventListener("scroll", () => {
    if (unseen && atEnd()) {
      unseen = 0;
      showCue();
    }
  });

  function authorName(author: CovisorEvent["author"]): string {
    if (mine(author)) return t("you");
    // The shop's automatic replies (outside business hours): what the customer was told, by nobody in the session.
    if (author.role === "system") return author.name ? `${author.name} · ${t("automatic")}` : t("automatic");
    return author.name && author.role === "agent" ? author.name : author.role === "agent" ? t("agent") : t("customer");
  }

  function bubble(text: string, by: Role, name: () => string, at: string, own: boolean, orders?: unknown): { row: HTMLElement; status: HTMLElement } {
    const status = h("span", { class: "pc-msg-status", "data-testid": "pc-chat-status" });
    const row = h("div", { class: `pc-msg-row ${own ? "pc-own" : "pc-theirs"}` },
      h("p", { class: "pc-msg", "data-testid": "pc-chat-message", "data-role": by }, ...markOrders(text, orders)),
      h("p", { class: "pc-msg-meta" }, word(h("span", { class: "pc-msg-author" }), name), " · ",
        h("time", { datetime: at }, formatTime(at)), own ? status : null));
    return { row, status };
  }

  function setState(message: OwnMessage, state: Receipt, reason?: string): void {
    message.state = state;
    message.row.classList.toggle("pc-failed", state === "failed");
    message.status.dataset.state = state;
    // A message Twilio could not deliver is not sent again by resending it: no Retry, the reason only.
    const undelivered = state === "failed" && message.delivery === "failed";
    reason ??= undelivered && message.reasons ? message.reasons[lang()] : undefined;
    const marks: Record<Receipt, string> = { sending: "…", sent: "✓", delivered: "✓✓", read: "✓✓", failed: "!" };
    message.status.className = `pc-msg-status pc-${state}`;
    message.status.replaceChildren(
      h("span", { "aria-hidden": "true" }, ` ${marks[state]}`),
      h("span", { class: "visually-hidden" }, ` ${state === "failed" ? t("failed", { reason: reason ?? "" }) : t(state)}`));
    if (undelivered) {
      message.status.append(" ", h("span", { class: "pc-msg-error", "data-testid": "pc-chat-undelivered" }, reason ?? ""));
    } else if (state === "failed") {
      const retry = h("button", { type: "button", class: "pc-link-button" }, t("retry"));
      retry.addEventListener("click", () => void deliver(message));
      message.status.append(" ", h("span", { class: "pc-msg-error" }, reason ?? ""), " ", retry);
    }
  }

  function system(text: () => string, at: string): void {
    add(h("div", { class: "pc-msg-row pc-system-row" },
      word(h("p", { class: "pc-msg pc-system", "data-testid": "pc-chat-message", "data-role": "system" }), text),
      h("p", { class: "pc-msg-meta" }, h("time", { datetime: at }, formatTime(at)))));
  }

  async function deliver(message: OwnMessage): Promise<void> {
    setState(message, "sending");
    try {
      const seq = await connection.invoke<number>("SendChat", sessionId, message.messageId, message.text);
      if (message.seq === 0) message.seq = seq;
      if (message.state === "sending") setState(message, "sent");
      markReceipts();
    } catch (error) {
      // Not connected: it stays "sending" and goes again (same id, so at most once) when we are back.
      if (connection.state !== "connected") return;
      setState(message, "failed", connection.humanError(error));
    }
  }

  async function sendText(text: string): Promise<void> {
    const trimmed = text.trim();
    if (!trimmed) return;
    const messageId = newMessageId(role);
    const { row, status } = bubble(trimmed, role, () => t("you"), new Date().toISOString(), true);
    const message: OwnMessage = { messageId, text: trimmed, row, status, seq: 0, state: "sending" };
    own.set(messageId, message);
    add(row);
    stopTyping();
    await deliver(message);
  }

  // Their receipts move the ticks on my messages.
  function markReceipts(): void {
    for (const message of own.values()) {
      if (message.seq === 0 || message.state === "failed") continue;
      const seen: Receipt = message.seq <= receipts.theirRead ? "read" : message.seq <= receipts.theirDelivered ? "delivered" : "sent";
      const state = message.delivery && receiptRank[message.delivery] > receiptRank[seen] ? message.delivery : seen;
      if (state !== message.state) setState(message, state);
    }
  }

  // A line's attachments (a customer's WhatsApp photo shows on their own covisor page too) wait there for chat.media.
  function attachMedia(row: HTMLElement, seq: number, media: unknown): void {
    const block = mediaBlock(media, mediaHref);
    if (!block) return;
    row.querySelector(".pc-msg")?.after(block);
    mediaBlocks.set(seq, block);
  }

  function apply(event: CovisorEvent): void {
    const data = event.data;
    switch (event.kind) {
      case resetKind:
        log.replaceChildren(empty);
        worded.length = 0;
        mediaBlocks.clear();
        unseen = 0;
        showCue();
        receipts.reset();
        for (const message of own.values()) if (message.state !== "sending") own.delete(message.messageId);
        break;
      case "chat.message": {
        const messageId = String(data.messageId ?? "");
        const text = String(data.text ?? "");
        if (mine(event.author)) {
          const pending = own.get(messageId);
          if (pending) {
            pending.seq = event.seq;
            // The server marks order numbers when it appends the line.
            if (data.orders) pending.row.querySelector(".pc-msg")?.replaceChildren(...markOrders(text, data.orders));
            if (pending.state === "sending" || pending.state === "failed") setState(pending, "sent");
          } else {
            const { row, status } = bubble(text, event.author.role, () => t("you"), event.at, true, data.orders);
            attachMedia(row, event.seq, data.media);
            const message: OwnMessage = { messageId, text, row, status, seq: event.seq, state: "sent" };
            own.set(messageId, message);
            setState(message, "sent");
            add(row);
          }
          markReceipts();
        } else {
          const author = event.author;
          const { row } = bubble(text, author.role, () => authorName(author), event.at, false, data.orders);
          attachMedia(row, event.seq, data.media);
          add(row, true);
          typing.textContent = "";
          receipts.received(event.seq);
        }
        break;
      }
      case "chat.media": {
        const block = mediaBlocks.get(Number(data.seq ?? 0));
        if (!block) break;
        const nearEnd = atEnd();
        updateMedia(block, data.media, mediaHref);
        if (nearEnd && inSight()) log.scrollTop = log.scrollHeight;
        break;
      }
      case "chat.receipt": {
        receipts.receipt(mine(event.author), Number(data.upToSeq ?? 0), data.state);
        if (!mine(event.author)) markReceipts();
        break;
      }
      case "chat.delivery": {
        const message = [...own.values()].find(m => m.seq === Number(data.seq ?? 0));
        if (!message) break;
        const state = deliveryReceipt(data.status);
        if (message.delivery && receiptRank[state] <= receiptRank[message.delivery]) break;
        message.delivery = state;
        const reason = data.reason as { en?: unknown; es?: unknown } | undefined;
        if (reason) message.reasons = { en: String(reason.en ?? ""), es: String(reason.es ?? "") };
        if (state === "failed") setState(message, "failed");
        else markReceipts();
        break;
      }
      case "product.card":
        empty.remove();
        add(h("div", { class: "pc-msg-row pc-card-row" }, productCard(data.product as Product)), !mine(event.author));
        break;
      case "order.card":
        empty.remove();
        add(h("div", { class: "pc-msg-row pc-card-row" }, orderCard(data.order as Partial<Order> | undefined)), !mine(event.author));
        break;
      case "agent.changed": {
        // Agents get usernames (previousAgent, agent), customers names only (previousDisplayName).
        const name = String(data.displayName ?? "");
        const handedOver = Boolean(data.previousAgent ?? data.previousDisplayName);
        system(() => (handedOver ? t("agentChanged", { name }) : t("agentJoined", { name })), event.at);
        break;
      }
      case "call.status":
        if (data.over) system(() => t("callEnded"), event.at);
        break;
      case "session.ended":
        system(() => t("ended"), event.at);
        break;
      case "participant.joined":
        if (role === "agent") system(() => t("joined", { device: String(data.device ?? "?") }), event.at);
        break;
      case "participant.admission":
        if (role === "agent") system(() => t(data.admission === "admitted" ? "admitted" : "rejected"), event.at);
        break;
      default:
        break;
    }
  }

  function stopTyping(): void {
    if (typingIdle) clearTimeout(typingIdle);
    typingIdle = null;
    if (typingSentAt) {
      typingSentAt = 0;
      void connection.invoke("Typing", sessionId, false).catch(() => undefined);
    }
  }

  input.addEventListener("keydown", event => {
    options.onInputKeyDown?.(event, input);
    if (event.defaultPrevented) return;
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener("input", () => {
    autosize();
    if (!input.value.trim()) { stopTyping(); return; }
    const now = Date.now();
    if (now - typingSentAt > typingSendEveryMs) {
      typingSentAt = now;
      void connection.invoke("Typing", sessionId, true).catch(() => undefined);
    }
    if (typingIdle) clearTimeout(typingIdle);
    typingIdle = setTimeout(stopTyping, typingIdleMs);
  });
  form.addEventListener("submit", event => {
    event.preventDefault();
    const text = input.value;
    if (!text.trim()) { input.focus(); return; }
    input.value = "";
    autosize();
    void sendText(text);
  });

  function autosize(): void {
    input.style.height = "";
    if (input.scrollHeight > input.clientHeight) input.style.height = `${Math.min(input.scrollHeight + 2, 140)}px`;
  }

  const readCheck = () => receipts.check();
  document.addEventListener("visibilitychange", readCheck);
  window.addEventListener("focus", readCheck);
  element.addEventListener("pointerdown", readCheck);
  element.addEventListener("focusin", readCheck);
  const observer = typeof IntersectionObserver === "function" ? new IntersectionObserver(readCheck) : null;
  observer?.observe(log);

  const unsubscribers = [
    connection.onTyping(signal => {
      if (signal.sessionId !== sessionId || mine(signal.author)) return;
      if (typingHide) clearTimeout(typingHide);
      typing.textContent = signal.isTyping ? t("typing", { name: authorName(signal.author) }) : "";
      if (signal.isTyping) typingHide = setTimeout(() => { typing.textContent = ""; }, typingShowMs);
    }),
    connection.onStateChange(state => {
      if (state !== "connected") return;
      for (const message of own.values()) if (message.state === "sending") void deliver(message);
    }),
    onLangChange(label),
  ];
  label();
  unsubscribers.push(connection.onSessionEvent(sessionId, apply));

  return {
    element,
    input,
    send: sendText,
    get unread() { return receipts.unread; },
    onUnreadChange: listener => receipts.onUnreadChange(listener),
    destroy() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      document.removeEventListener("visibilitychange", readCheck);
      window.removeEventListener("focus", readCheck);
      observer?.disconnect();
      receipts.destroy();
      if (typingHide) clearTimeout(typingHide);
      stopTyping();
      element.remove();
    },
  };
}

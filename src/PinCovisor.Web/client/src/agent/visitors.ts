// Live visitors of the shop: who is reading which page right now, polled, with an invitation into
// a web session (the visitor's widget picks it up on its next page view).
import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import { onLangChange } from "../shared/i18n.js";
import type { Visitor, VisitorInvitation } from "./types.js";
import { poll, type Poller } from "./poll.js";
import { t, tn } from "./strings.js";
import { ago, button, empty, errorText, panel, say, type Panel } from "./ui.js";
import { icon } from "./icons.js";

export interface VisitorBoard {
  readonly panel: Panel;
  readonly poller: Poller;
}

export function visitorBoard(openSession: (sessionId: string) => void): VisitorBoard {
  const visitors = panel("agent-visitors-panel", "visitors", "eye", "agent-visitors");
  const list = h("ul", { class: "list" });
  visitors.body.append(list);
  let latest: Visitor[] = [];
  let loaded = false;

  function place(url: string): string {
    try {
      const parsed = new URL(url);
      return `${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`;
    } catch {
      return url;
    }
  }

  function render(): void {
    visitors.setCount(latest.length);
    if (!loaded) return;
    if (latest.length === 0) {
      list.replaceChildren(h("li", null, empty("visitorsEmpty")));
      return;
    }
    list.replaceChildren(...latest.map(visitor => {
      // Someone already with an agent is not invited into a second session.
      const action = visitor.inSession
        ? h("span", { class: "chip status-in-progress", "data-testid": "agent-visitor-in-session" }, t("visitorInSession"))
        : inviteButton(visitor);
      return h("li", { class: "item visitor", "data-testid": "agent-visitor", "data-visitor-id": visitor.visitorId },
        h("div", { class: "item-main" },
          h("span", { class: "item-title" }, icon("eye", 16), visitor.title || place(visitor.url)),
          /^https?:\/\//i.test(visitor.url)
            ? h("a", { class: "item-link", href: visitor.url, target: "_blank", rel: "noopener noreferrer" }, place(visitor.url))
            : h("span", { class: "item-link" }, place(visitor.url)),
          h("span", { class: "item-sub" },
            [visitor.device, tn("pagesSeen", visitor.pageViews), t("lastSeen", { time: ago(visitor.lastSeen) })].filter(Boolean).join(" · "))),
        h("div", { class: "item-actions" }, action));
    }));
  }

  function inviteButton(visitor: Visitor): HTMLButtonElement {
    const invite = button(visitor.invited ? "invited" : "invite", visitor.invited ? "check" : "chat",
      { class: "secondary small", "data-testid": "agent-invite" });
    invite.disabled = visitor.invited;
    invite.addEventListener("click", async () => {
      invite.disabled = true;
      try {
        const { sessionId } = await api<VisitorInvitation>(`/api/visitors/${encodeURIComponent(visitor.visitorId)}/invite`, { method: "POST" });
        say(t("inviteSent"));
        openSession(sessionId);
      } catch (error) {
        say(errorText(error), "error");
      }
      board.poller.refresh();
    });
    return invite;
  }

  const board: VisitorBoard = {
    panel: visitors,
    poller: poll(async () => {
      latest = await api<Visitor[]>("/api/visitors");
      loaded = true;
      render();
    }, 8000),
  };
  onLangChange(render);
  return board;
}

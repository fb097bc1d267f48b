// Canned replies in the chat: typing "/" at the start of the message opens the matching replies;
// arrows move, Enter or Tab puts the reply's text in the message (Enter again sends it), Esc closes.
// The list is an ARIA listbox the textarea controls as a combobox.
import { api } from "../shared/api.js";
import { h } from "../shared/dom.js";
import type { ChatPanel } from "../shared/contracts.js";
import type { CannedReply } from "./types.js";
import { t } from "./strings.js";

let replies: Promise<CannedReply[] | null> | null = null;

/** The shop's replies; null when they could not be read (tried again next time). */
function loadReplies(): Promise<CannedReply[] | null> {
  replies ??= api<CannedReply[]>("/api/canned-replies").catch(() => {
    replies = null;
    return null;
  });
  return replies;
}

export class CannedSuggestions {
  readonly element: HTMLUListElement;
  private input: HTMLTextAreaElement | null = null;
  private options: CannedReply[] = [];
  private index = 0;
  /** The shop has no canned replies at all: "/" says how to add them instead of doing nothing. */
  private hint = false;
  private readonly id: string;

  constructor(sessionId: string) {
    this.id = `agent-canned-${sessionId}`;
    this.element = h("ul", { id: this.id, class: "canned", role: "listbox", "data-testid": "agent-canned", hidden: true });
    // Keep focus in the textarea while picking with the mouse or a finger.
    this.element.addEventListener("pointerdown", event => event.preventDefault());
  }

  /** Wires the panel's textarea (call once the panel exists). */
  attach(chat: ChatPanel): void {
    const input = chat.input;
    this.input = input;
    // A textarea cannot be a combobox; as a textbox it may still name its list and active option.
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", this.id);
    input.addEventListener("input", () => void this.update());
    input.addEventListener("blur", () => this.close());
    void loadReplies();
  }

  /** The panel's onInputKeyDown hook: keys the list handles never reach the panel. */
  readonly keydown = (event: KeyboardEvent): void => {
    if (this.element.hidden || this.options.length === 0) return;
    switch (event.key) {
      case "ArrowDown":
        this.move(1);
        break;
      case "ArrowUp":
        this.move(-1);
        break;
      case "Enter":
      case "Tab":
        if (event.shiftKey) return;
        this.pick(this.index);
        break;
      case "Escape":
        this.close();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  private async update(): Promise<void> {
    const input = this.input;
    if (!input) return;
    const value = input.value;
    const match = /^\/([\w-]*)$/.exec(value.trimEnd() === value ? value : "");
    if (!match) {
      this.close();
      return;
    }
    const typed = `/${match[1]!.toLowerCase()}`;
    const loaded = await loadReplies();
    if (input.value !== value) return; // typed on meanwhile
    const all = loaded ?? [];
    const starts = all.filter(r => r.shortcut.startsWith(typed));
    const inside = typed.length > 1 ? all.filter(r => !r.shortcut.startsWith(typed) && r.text.toLowerCase().includes(typed.slice(1))) : [];
    this.options = [...starts, ...inside].slice(0, 8);
    this.hint = loaded?.length === 0;
    this.index = 0;
    this.render();
  }

  private render(): void {
    const input = this.input;
    if (!input) return;
    if (this.hint) {
      this.element.replaceChildren(h("li", { class: "canned-hint", "data-testid": "agent-canned-hint", "aria-disabled": "true" }, t("cannedNone")));
      this.element.hidden = false;
      return;
    }
    if (this.options.length === 0) {
      this.close();
      return;
    }
    this.element.replaceChildren(...this.options.map((reply, i) => {
      const option = h("li", {
        id: `${this.id}-${i}`, role: "option", class: "canned-option", "data-testid": "agent-canned-option",
        "data-shortcut": reply.shortcut, "aria-selected": String(i === this.index),
      }, h("span", { class: "canned-shortcut" }, reply.shortcut), h("span", { class: "canned-text" }, reply.text));
      option.addEventListener("click", () => this.pick(i));
      return option;
    }));
    this.element.hidden = false;
    input.setAttribute("aria-activedescendant", `${this.id}-${this.index}`);
  }

  private move(step: number): void {
    this.index = (this.index + step + this.options.length) % this.options.length;
    this.render();
    this.element.querySelector(`#${CSS.escape(`${this.id}-${this.index}`)}`)?.scrollIntoView({ block: "nearest" });
  }

  private pick(i: number): void {
    const reply = this.options[i];
    const input = this.input;
    if (!reply || !input) return;
    input.value = reply.text;
    this.close();
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    // Lets the panel resize the textarea and send "typing".
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }

  close(): void {
    this.element.hidden = true;
    this.options = [];
    this.hint = false;
    this.input?.removeAttribute("aria-activedescendant");
  }
}

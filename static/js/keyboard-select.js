// Selecting words without a mouse. Chromium cannot extend a selection with Shift+Arrow from a
// caret in ordinary text, so the page offers its own word cursor: ←/→ move by word,
// Shift+←/→ extend, Home/End jump to the start/end of the sentence, Enter highlights, Esc leaves.

import { cpLength } from "./textpos.js";

const SENTENCE_END = /[.!?…]["”’)]*$/u;
// What a word may carry that is not part of it: a selection never starts or ends on punctuation.
const LEADING = /^[("“‘'[«]+/u;
const TRAILING = /[.,;:!?…)"”’'\]»]+$/u;

export class KeyboardSelect {
  constructor(root, { onChoose, onExit, announce }) {
    this.root = root;
    this.onChoose = onChoose;
    this.onExit = onExit;
    this.announce = announce;
    this.active = false;
    this.words = [];
    this.cursor = 0;
    this.anchor = 0;
    root.addEventListener("keydown", (event) => this.keydown(event));
    root.addEventListener("blur", () => this.root.classList.remove("kbd-focused"));
    root.addEventListener("focus", () => this.active && this.root.classList.add("kbd-focused"));
  }

  computeWords() {
    // Word boundaries in code points over textContent; each word remembers whether a new
    // sentence (or block) begins with it.
    const text = this.root.textContent;
    const words = [];
    let cpBefore = 0;
    let lastIndex = 0;
    for (const match of text.matchAll(/\S+/gu)) {
      cpBefore += cpLength(text.slice(lastIndex, match.index));
      const start = cpBefore;
      const end = start + cpLength(match[0]);
      const gap = text.slice(lastIndex, match.index);
      const previous = words[words.length - 1];
      const sentenceStart = !previous || gap.includes("\n") || SENTENCE_END.test(previous.raw);
      // The word itself, without the quotes and punctuation around it (unless it is nothing else).
      const lead = match[0].match(LEADING)?.[0] || "";
      const core = match[0].slice(lead.length).replace(TRAILING, "") || match[0].slice(lead.length) || match[0];
      const coreStart = core === match[0] ? start : start + cpLength(lead);
      words.push({
        start: coreStart,
        end: coreStart + cpLength(core),
        text: core,
        raw: match[0],
        sentenceStart,
      });
      cpBefore = end;
      lastIndex = match.index + match[0].length;
    }
    this.words = words;
  }

  enter() {
    this.computeWords();
    if (!this.words.length) return;
    this.active = true;
    this.root.tabIndex = -1;
    this.root.classList.add("kbd-mode", "kbd-focused");
    this.cursor = this.anchor = this.startWord();
    this.root.focus({ preventScroll: true });
    this.announce(
      "Keyboard selection on. Left and right arrows move by word, Shift with arrows extends, " +
        "Home and End jump to the start or end of the sentence, Enter highlights, Escape leaves. " +
        `Selected: ${this.selectedText()}`,
    );
    this.show(false);
  }

  resume() {
    if (!this.active) return;
    this.root.classList.add("kbd-mode");
    this.root.focus({ preventScroll: true });
    this.anchor = this.cursor;
    this.show();
  }

  exit() {
    if (!this.active) return;
    this.active = false;
    this.root.classList.remove("kbd-mode", "kbd-focused");
    this.root.removeAttribute("tabindex");
    window.getSelection().removeAllRanges();
    this.announce("Keyboard selection off.");
    this.onExit?.();
  }

  /** Where the cursor was last left in this article (this tab), else the article's first word. */
  get placeKey() {
    return `crosscheck:kbd:${location.pathname}:${this.root.id}`;
  }

  startWord() {
    let saved = Number.NaN;
    try {
      saved = Number(sessionStorage.getItem(this.placeKey));
    } catch {
      // storage disabled: start at the beginning
    }
    return Number.isInteger(saved) && saved >= 0 && saved < this.words.length ? saved : 0;
  }

  remember() {
    try {
      sessionStorage.setItem(this.placeKey, String(this.cursor));
    } catch {
      // storage disabled: nothing to remember
    }
  }

  span() {
    const a = Math.min(this.anchor, this.cursor);
    const b = Math.max(this.anchor, this.cursor);
    return { start: this.words[a].start, end: this.words[b].end, first: a, last: b };
  }

  selectedText() {
    const { first, last } = this.span();
    return this.words
      .slice(first, last + 1)
      .map((w) => w.text)
      .join(" ");
  }

  show(speak = true) {
    const { start, end } = this.span();
    this.onSelect?.(start, end);
    this.remember();
    if (speak) this.announce(this.selectedText());
  }

  sentenceBounds(index) {
    let first = index;
    while (first > 0 && !this.words[first].sentenceStart) first--;
    let last = index;
    while (last + 1 < this.words.length && !this.words[last + 1].sentenceStart) last++;
    return [first, last];
  }

  keydown(event) {
    if (!this.active) return;
    const last = this.words.length - 1;
    const move = (to) => {
      this.cursor = Math.max(0, Math.min(last, to));
      if (!event.shiftKey) this.anchor = this.cursor;
      event.preventDefault();
      this.show();
    };
    switch (event.key) {
      case "ArrowRight":
        return move(this.cursor + 1);
      case "ArrowLeft":
        return move(this.cursor - 1);
      case "ArrowDown":
        return move(this.sentenceBounds(Math.min(last, this.sentenceBounds(this.cursor)[1] + 1))[0]);
      case "ArrowUp":
        return move(this.sentenceBounds(Math.max(0, this.sentenceBounds(this.cursor)[0] - 1))[0]);
      case "Home":
        return move(this.sentenceBounds(this.cursor)[0]);
      case "End":
        return move(this.sentenceBounds(this.cursor)[1]);
      case "Enter":
        event.preventDefault();
        this.onChoose(this.span());
        return;
      case "Escape":
        event.preventDefault();
        this.exit();
        return;
      default:
    }
  }
}

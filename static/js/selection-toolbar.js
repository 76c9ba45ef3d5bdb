// The selection toolbar: select words (mouse, touch, the keyboard mode or Find), choose a category,
// optionally write a note. Shared by the student's reading view (note = "comment") and the teacher's
// key mode (note = "explanation"); the mode decides what saving means through two callbacks:
//
//   create({selector, category, note}) -> {item, result: Promise<"saved" | "queued" | "failed">}
//       called when a category is chosen for a fresh selection (the span is saved at once);
//   amend(item, changes) -> Promise<boolean>
//       a change to the span just made (another category, the note), whether or not it has reached
//       the server yet; `changes` is keyed by the note field's name.
//
// The toolbar form (templates/teaching/_toolbar.html) works without JavaScript too: it posts.
//
// One toolbar can serve several text containers (`roots`: the side-by-side view has one per article).
// `this.root` is the container of the current selection; `create` receives it as `root`, so the page
// knows which article the span belongs to. Each container has its own keyboard mode: its button is
// `[data-keyboard-for="<container id>"]`, or #keyboard-mode-button when there is a single container.

import { marksFor } from "./highlights.js";
import { KeyboardSelect } from "./keyboard-select.js";
import { lastRect, positionNear, truncate } from "./panels.js";
import { caretNear, cpLength, rangeFor, selectorFor } from "./textpos.js";
import { failureLabel } from "./transport.js";

export class SelectionToolbar {
  constructor({ root, roots, toolbar, announce, create, amend }) {
    this.roots = roots || [root];
    this.root = this.roots[0];
    this.el = toolbar;
    this.announce = announce;
    this.create = create;
    this.amend = amend;
    this.editor = null; // an ItemEditor, set by the page: the two panels never show at once
    this.kbd = null; // the keyboard mode of the current container
    this.kbds = new Map(); // container → its KeyboardSelect
    this.selector = null;
    this.item = null;
    this.state = toolbar.querySelector("[data-toolbar-state]");
    this.note = toolbar.querySelector("[data-toolbar-note]");
    this.noteName = this.note.name;
    this.saveButton = toolbar.querySelector("[data-action=save]");
    this.cancelButton = toolbar.querySelector("[data-action=cancel]");
    this.pointerDown = false;
    this.releasedAt = null; // where the last mouse or touch drag was let go (viewport coordinates)
    this.selectionTimer = null;
  }

  get isOpen() {
    return !this.el.hidden;
  }

  categoryLabel(category) {
    return this.el.querySelector(`.cat-button[value="${category}"]`)?.dataset.label || category;
  }

  press(category) {
    this.el.querySelectorAll(".cat-button").forEach((b) => b.setAttribute("aria-pressed", String(b.value === category)));
  }

  open(selector, rect, { focus = false } = {}) {
    this.editor?.close({ restoreFocus: false });
    this.selector = selector;
    this.item = null;
    const form = this.el;
    form.dataset.phase = "choose";
    form.elements.start.value = selector.start;
    form.elements.end.value = selector.end;
    form.elements.exact.value = selector.exact;
    form.querySelector("[data-toolbar-quote]").textContent = `“${truncate(selector.exact, 90)}”`;
    this.note.value = "";
    this.state.textContent = "";
    this.press(null);
    this.cancelButton.textContent = "Cancel";
    this.saveButton.textContent = "Save";
    positionNear(form, rect, { beside: this.root });
    if (focus) form.querySelector(".cat-button")?.focus();
  }

  close({ resume = true } = {}) {
    if (this.el.hidden) return;
    // A note typed after choosing the category is saved, not dropped, however the toolbar closes;
    // if that save fails, the toolbar comes back with the note in it and says why.
    const note = this.note.value.trim();
    const item = this.item;
    if (this.el.dataset.phase === "saved" && item && note !== (item[this.noteName] || "")) {
      this.amend(item, { [this.noteName]: note }).then((ok) => {
        if (!ok && !this.isOpen && !this.editor?.isOpen) this.reopen(item, note);
      });
    }
    const hadFocus = this.el.contains(document.activeElement);
    this.el.hidden = true;
    this.selector = null;
    this.item = null;
    if (this.kbd?.active && resume) this.kbd.resume();
    else if (hadFocus) this.root.focus?.();
  }

  /** Show the toolbar again for a span already made, with a note that could not be saved. */
  reopen(item, note) {
    this.item = item;
    this.selector = null;
    const form = this.el;
    form.dataset.phase = "saved";
    form.querySelector("[data-toolbar-quote]").textContent = `“${truncate(item.exact, 90)}”`;
    this.note.value = note;
    this.press(item.category);
    this.cancelButton.textContent = "Close";
    this.saveButton.textContent = this.saveButton.dataset.saveLabel || "Save";
    this.state.textContent = item.error || failureLabel("failed");
    const marks = item.id ? marksFor(this.root, item.id) : [];
    const rect = marks.length ? marks[marks.length - 1].getBoundingClientRect() : this.root.getBoundingClientRect();
    positionNear(form, rect, { beside: this.root });
    this.note.focus({ preventScroll: true });
  }

  async choose(category) {
    if (this.el.dataset.phase === "saved" && this.item) {
      this.press(category);
      await this.amend(this.item, { category });
      return;
    }
    if (!this.selector) return;
    if (!this.kbd?.active) window.getSelection().removeAllRanges();
    const { item, result } = this.create({
      selector: this.selector,
      category,
      note: this.note.value.trim(),
      root: this.root,
    });
    this.item = item;
    this.el.dataset.phase = "saved";
    this.press(category);
    this.cancelButton.textContent = "Close";
    this.saveButton.textContent = this.saveButton.dataset.saveLabel || "Save";
    this.state.textContent = "Saving…";
    // The category is chosen: the student can write why at once (the shortcut keys don't fire while typing).
    this.note.focus({ preventScroll: true });
    const outcome = await result;
    if (this.item !== item) return;
    if (outcome === "saved") this.state.textContent = `Saved as ${this.categoryLabel(category)}`;
    else if (outcome === "queued") this.state.textContent = item.error || failureLabel("network");
    else {
      // Refused or not sent: the selection and the note stay, so choosing a category again retries.
      this.item = null;
      this.el.dataset.phase = "choose";
      this.press(null);
      this.cancelButton.textContent = "Cancel";
      this.state.textContent = item.error || failureLabel("failed");
      if (!this.selector) this.close({ resume: false });
    }
  }

  setUp() {
    this.el.addEventListener("submit", (event) => {
      event.preventDefault();
      const category = event.submitter?.value;
      if (category) this.choose(category);
    });
    this.cancelButton.addEventListener("click", () => this.close());
    this.saveButton.addEventListener("click", async () => {
      if (this.el.dataset.phase !== "saved" || !this.item) {
        this.state.textContent = "Choose a category first.";
        this.el.querySelector(".cat-button")?.focus();
        return;
      }
      this.state.textContent = "Saving…";
      const item = this.item;
      const ok = await this.amend(item, { [this.noteName]: this.note.value.trim() });
      if (ok) this.close();
      else if (this.item === item) this.state.textContent = item.error || failureLabel("failed");
    });
    this.setUpSelection();
    this.setUpKeyboard();
    this.setUpFind();
  }

  // ------------------------------------------------------------ selecting with mouse and touch

  editorHas(node) {
    return Boolean(this.editor?.el.contains(node));
  }

  checkSelection() {
    if (this.kbd?.active) return;
    if (this.el.contains(document.activeElement) || this.editorHas(document.activeElement)) return;
    const selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) {
      if (this.el.dataset.phase === "choose") this.close();
      return;
    }
    // The text the drag started in (the selection's anchor). A drag started anywhere else — on this toolbar,
    // in the side panel, above the article — is not a highlight, whatever it swept over in the text.
    const root = this.roots.find((r) => r.contains(selection.anchorNode));
    if (!root) {
      if (this.roots.some((r) => selection.getRangeAt(0).intersectsNode(r))) {
        this.announce("Not highlighted: start the selection on a word of the article.");
      }
      return;
    }
    const range = this.keepInside(root, selection);
    const selector = range && selectorFor(root, range);
    if (!selector) return;
    if (root !== this.root && this.isOpen) this.close({ resume: false });
    this.root = root;
    this.kbd = this.kbds.get(root)?.kbd || this.kbd;
    if (this.isOpen && this.selector?.start === selector.start && this.selector?.end === selector.end) return;
    this.open(selector, lastRect(range));
  }

  /**
   * The selection as a range inside root. A drag started on a word and released beside or below the text
   * (the side panel, the page's margin) ends on the text nearest to where the pointer was let go, and the
   * page shows that selection: without this, the browser's selection runs to the end of the article.
   */
  keepInside(root, selection) {
    const range = selection.getRangeAt(0);
    if (root.contains(selection.focusNode) || !this.releasedAt) return range;
    const box = root.getBoundingClientRect();
    const { x, y } = this.releasedAt;
    if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return range;
    const caret = caretNear(root, x, y);
    if (!caret) return null;
    selection.setBaseAndExtent(selection.anchorNode, selection.anchorOffset, caret.node, caret.offset);
    return selection.rangeCount ? selection.getRangeAt(0) : null;
  }

  setUpSelection() {
    document.addEventListener("pointerdown", (event) => {
      if (this.el.contains(event.target) || this.editorHas(event.target)) return;
      this.pointerDown = true;
      this.releasedAt = null;
      const inText = this.roots.some((r) => r.contains(event.target));
      if (this.isOpen && (this.el.dataset.phase === "saved" || !inText)) {
        this.close({ resume: false });
      }
      if (this.editor?.isOpen && !event.target.closest("mark.hl, #annotation-list")) {
        this.editor.close({ restoreFocus: false });
      }
    });
    const release = (event) => {
      if (!this.pointerDown) return;
      this.pointerDown = false;
      this.releasedAt = event.type === "pointerup" ? { x: event.clientX, y: event.clientY } : null;
      setTimeout(() => this.checkSelection(), 20);
    };
    document.addEventListener("pointerup", release);
    document.addEventListener("pointercancel", release);
    // Touch selection handles and Shift+click change the selection without a pointerup here.
    document.addEventListener("selectionchange", () => {
      if (this.pointerDown || this.kbd?.active) return;
      clearTimeout(this.selectionTimer);
      this.selectionTimer = setTimeout(() => this.checkSelection(), 350);
    });
  }

  // ------------------------------------------------------------ the keyboard mode and shortcuts

  setUpKeyboard() {
    const single = this.roots.length === 1;
    for (const root of this.roots) {
      const button = single
        ? document.getElementById("keyboard-mode-button")
        : document.querySelector(`[data-keyboard-for="${root.id}"]`);
      this.setUpKeyboardFor(root, button);
    }
    this.kbd = this.kbds.get(this.root)?.kbd || null;
    // The skip link at the top of the page ("Highlight with the keyboard") starts the keyboard mode at once.
    document.querySelector('a.skip-link[href="#keyboard-mode-button"]')?.addEventListener("click", (event) => {
      event.preventDefault();
      const { kbd, button } = this.kbds.get(this.roots[0]) || {};
      if (kbd && !kbd.active) button?.click();
    });
    this.setUpShortcuts();
  }

  setUpKeyboardFor(root, kbdButton) {
    const kbd = new KeyboardSelect(root, {
      announce: this.announce,
      onChoose: ({ start, end }) => {
        const range = rangeFor(root, start, end);
        const selector = range && selectorFor(root, range);
        this.root = root;
        this.kbd = kbd;
        if (selector) this.open(selector, lastRect(range), { focus: true });
      },
      onExit: () => {
        kbdButton?.setAttribute("aria-pressed", "false");
        kbdButton?.focus({ preventScroll: true });
      },
    });
    kbd.onSelect = (start, end) => {
      const range = rangeFor(root, start, end);
      if (!range) return;
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      const rect = lastRect(range);
      if (rect.top < 60 || rect.bottom > window.innerHeight - 60) {
        window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: "instant" });
      }
    };
    this.kbds.set(root, { kbd, button: kbdButton });
    kbdButton?.addEventListener("click", () => {
      if (kbd.active) kbd.exit();
      else {
        // One keyboard mode at a time: leave the other container's first.
        for (const other of this.kbds.values()) if (other.kbd !== kbd && other.kbd.active) other.kbd.exit();
        this.close({ resume: false });
        this.root = root;
        this.kbd = kbd;
        kbd.enter();
        kbdButton.setAttribute("aria-pressed", "true");
      }
    });
  }

  setUpShortcuts() {
    document.addEventListener("keydown", (event) => {
      if (event.altKey && event.code === "KeyK") {
        event.preventDefault();
        this.kbds.get(this.root)?.button?.click();
        return;
      }
      if (this.isOpen) {
        if (event.key === "Escape") {
          event.preventDefault();
          this.close();
          return;
        }
        const typing = event.target.closest?.("textarea, input, select");
        if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && event.key.length === 1) {
          const button = this.el.querySelector(`.cat-button[data-key="${event.key.toLowerCase()}"]`);
          if (button) {
            event.preventDefault();
            button.click();
          }
        }
      } else if (this.editor?.isOpen && event.key === "Escape") {
        event.preventDefault();
        this.editor.close();
      }
    });
  }

  // ------------------------------------------------------------ Find text

  setUpFind() {
    const form = document.getElementById("find-form");
    if (!form) return;
    const root = this.root;
    const input = form.querySelector("input");
    const result = document.getElementById("find-result");
    let from = 0;
    input.addEventListener("input", () => {
      from = 0;
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const query = input.value.trim();
      if (!query) {
        result.textContent = "Type a word or phrase from the article.";
        return;
      }
      const text = root.textContent;
      const haystack = text.toLowerCase();
      const needle = query.toLowerCase();
      let index = haystack.indexOf(needle, from);
      if (index < 0 && from > 0) index = haystack.indexOf(needle, 0);
      if (index < 0) {
        result.textContent = `“${query}” is not in this article.`;
        return;
      }
      let total = 0;
      let nth = 0;
      for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
        total++;
        if (i === index) nth = total;
      }
      from = index + 1;
      const start = cpLength(text.slice(0, index));
      const end = start + cpLength(text.slice(index, index + query.length));
      const range = rangeFor(root, start, end);
      const selector = range && selectorFor(root, range);
      if (!selector) return;
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      range.startContainer.parentElement.scrollIntoView({ block: "center", behavior: "instant" });
      this.open(selector, lastRect(range), { focus: true });
      result.textContent = `Found ${nth} of ${total}. Choose a category, or press Find again for the next one.`;
    });
  }
}

// The edit popover for one saved span (a student's highlight, a key item): category, note, delete;
// and the links between the list entries and their highlights in the text, both ways.
// Each list entry is <li data-id data-start data-end data-category data-<note> data-update-url
// data-delete-url>; `write(kind, {id, url, fields}, doneText)` ("update" or "delete") hands the change to the
// page's outbox and resolves true once the server has it.

import { annotationsFromList, flashHighlight, innermostId, listEl, marksFor, smoothOrInstant } from "./highlights.js";
import { positionNear, truncate } from "./panels.js";
import { failureLabel } from "./transport.js";

export class ItemEditor {
  constructor({ root, editor, write, failText = () => "", deletedText = "Deleted", onOpen = () => {} }) {
    this.root = root;
    this.el = editor;
    this.write = write;
    this.failText = failText; // what went wrong with the last write ("Not saved — …")
    this.stateLine = editor.querySelector("[data-editor-state]");
    this.deletedText = deletedText;
    this.onOpen = onOpen;
    this.note = editor.querySelector("[data-editor-note]");
    this.noteName = this.note.name;
    this.opener = null;
  }

  get isOpen() {
    return !this.el.hidden;
  }

  open(id, opener, { confirmDelete = false } = {}) {
    const li = listEl()?.querySelector(`li[data-id="${id}"]`);
    if (!li) return;
    this.onOpen();
    const editor = this.el;
    document.querySelectorAll(".is-active").forEach((el) => el.classList.remove("is-active"));
    editor.action = li.dataset.updateUrl;
    editor.dataset.id = id;
    editor.dataset.deleteUrl = li.dataset.deleteUrl;
    for (const radio of editor.querySelectorAll("input[name=category]")) radio.checked = radio.value === li.dataset.category;
    this.note.value = li.dataset[this.noteName] || "";
    editor.querySelector("[data-editor-quote]").textContent = `“${truncate(li.querySelector(".item-quote").textContent, 90)}”`;
    this.say("");
    editor.querySelector("[data-editor-confirm]").hidden = !confirmDelete;
    editor.querySelector("[data-editor-actions]").hidden = confirmDelete;
    const marks = marksFor(this.root, id);
    li.classList.add("is-active");
    marks.forEach((m) => m.classList.add("is-active"));
    if (marks.length) {
      marks[0].scrollIntoView({ block: "center", behavior: "instant" });
      positionNear(editor, marks[marks.length - 1].getBoundingClientRect(), { beside: this.root });
    } else {
      positionNear(editor, li.getBoundingClientRect());
    }
    this.opener = opener || li;
    const focusTarget = confirmDelete
      ? editor.querySelector("[data-action=confirm-delete]")
      : editor.querySelector("input[name=category]:checked") || this.note;
    focusTarget.focus({ preventScroll: true });
  }

  close({ restoreFocus = true } = {}) {
    if (this.el.hidden) return;
    this.el.hidden = true;
    document.querySelectorAll(".is-active").forEach((el) => el.classList.remove("is-active"));
    const id = this.el.dataset.id;
    if (restoreFocus) {
      const target = this.opener?.isConnected ? this.opener : listEl()?.querySelector(`li[data-id="${id}"]`);
      (target?.matches("mark") ? listEl()?.querySelector(`li[data-id="${id}"]`) : target)?.focus({ preventScroll: true });
    }
    this.opener = null;
  }

  say(text) {
    if (!this.stateLine) return;
    this.stateLine.textContent = text;
    this.stateLine.hidden = !text;
  }

  /** Save category and note of the open item. On failure the editor stays open with the text in it. */
  async save() {
    const category = this.el.querySelector("input[name=category]:checked")?.value || "";
    this.say("Saving…");
    const fields = { category, [this.noteName]: this.note.value.trim() };
    const ok = await this.write("update", { id: this.el.dataset.id, url: this.el.action, fields }, "Saved");
    this.say(ok ? "" : this.failText() || failureLabel("failed"));
    return ok;
  }

  setUp() {
    const editor = this.el;
    editor.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (await this.save()) this.close();
    });
    editor.addEventListener("click", async (event) => {
      const action = event.target.closest("[data-action]")?.dataset.action;
      const confirmBox = editor.querySelector("[data-editor-confirm]");
      const actions = editor.querySelector("[data-editor-actions]");
      if (action === "close") this.close();
      if (action === "delete") {
        confirmBox.hidden = false;
        actions.hidden = true;
        confirmBox.querySelector("[data-action=confirm-delete]").focus();
      }
      if (action === "cancel-delete") {
        confirmBox.hidden = true;
        actions.hidden = false;
        editor.querySelector("[data-action=delete]").focus();
      }
      if (action === "confirm-delete") {
        const id = editor.dataset.id;
        const next = listEl()?.querySelector(`li[data-id="${id}"]`)?.nextElementSibling?.dataset.id;
        this.say("Deleting…");
        const ok = await this.write("delete", { id, url: editor.dataset.deleteUrl }, this.deletedText);
        if (!ok) {
          // Still there: say why, and offer the choice again.
          this.say(this.failText() || failureLabel("delete-failed"));
          confirmBox.hidden = true;
          actions.hidden = false;
          editor.querySelector("[data-action=delete]").focus();
          return;
        }
        editor.hidden = true;
        document.querySelectorAll(".is-active").forEach((el) => el.classList.remove("is-active"));
        const focusTarget = (next && listEl()?.querySelector(`li[data-id="${next}"]`)) || document.getElementById("reading-panel");
        focusTarget?.setAttribute("tabindex", focusTarget.getAttribute("tabindex") ?? "-1");
        focusTarget?.focus({ preventScroll: true });
      }
    });
  }
}

export function flashEntry(li, { focus = true } = {}) {
  li.scrollIntoView({ block: "nearest", behavior: smoothOrInstant() });
  li.classList.remove("is-flash");
  void li.offsetWidth;
  li.classList.add("is-flash");
  if (focus) li.focus({ preventScroll: true });
}

/**
 * Clicking a highlight opens its editor (or, read-only, shows its list entry); clicking or pressing
 * Space on an entry flashes its highlight, Enter opens the editor; a Delete button asks first.
 * `onMark(mark)` may handle a click on a highlight that is not a list entry (returns true if it did).
 */
export function linkListAndText({ root, editor, onMark = () => false }) {
  root.addEventListener("click", (event) => {
    const mark = event.target.closest("mark.hl");
    if (!mark || !window.getSelection().isCollapsed) return;
    const id = innermostId(mark, annotationsFromList(listEl()));
    if (!id) {
      onMark(mark);
      return;
    }
    const li = listEl()?.querySelector(`li[data-id="${id}"]`);
    if (editor) editor.open(id, li);
    else if (li) flashEntry(li);
  });
  document.addEventListener("click", (event) => {
    const li = event.target.closest("#annotation-list > li[data-id]");
    if (!li) return;
    if (event.target.closest("[data-action=edit]")) {
      // A button of a shared form (the highlight's own page, without JavaScript): the popover instead.
      if (editor) {
        event.preventDefault();
        editor.open(li.dataset.id, li);
      }
      return;
    }
    if (event.target.closest("button, a, form, textarea, input, summary")) return;
    flashHighlight(root, li.dataset.id);
  });
  document.addEventListener("keydown", (event) => {
    const li = event.target.closest?.("#annotation-list > li[data-id]");
    if (!li || event.target !== li) return;
    if (event.key === "Enter") {
      event.preventDefault();
      if (editor) editor.open(li.dataset.id, li);
      else flashHighlight(root, li.dataset.id);
    } else if (event.key === " ") {
      event.preventDefault();
      flashHighlight(root, li.dataset.id);
    }
  });
  document.addEventListener("submit", (event) => {
    const form = event.target.closest("form[data-delete-form]");
    if (!form || !editor) return;
    // The entry's own form (the key mode), or the list's shared one sent by the entry's button (the reading view).
    const button = form.closest("li[data-id]") ? form.querySelector("button") : event.submitter;
    const li = button?.closest("li[data-id]");
    if (!li) return;
    event.preventDefault();
    editor.open(li.dataset.id, button, { confirmDelete: true });
  });
}

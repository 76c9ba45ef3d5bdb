// The teacher's key mode: build a lesson's reference key on the article with the same selection
// toolbar as students (note = "explanation"), edit items in the same popover, and accept or dismiss
// suggested spans (numbers, attributions, quotations) drawn with a dotted underline.
//
// Same contract as the reading view: the server's list region (#annotation-region) is the truth; it holds
// the key items (#annotation-list) and the suggestions (.suggestion-item), and every write answers with it,
// swapped out of band by htmx. Changes go through the on-device outbox first (pending-saves.js).

import { enableConfirmForms } from "./confirm.js";
import { annotationsFromList, flashHighlight, listEl, renderHighlights } from "./highlights.js";
import { ItemEditor, flashEntry, linkListAndText } from "./item-editor.js";
import { Outbox } from "./outbox.js";
import { truncate } from "./panels.js";
import { SelectionToolbar } from "./selection-toolbar.js";
import { createStatus } from "./status.js";
import { connectSaves } from "./writes.js";
import { notAddedToKey, notSaved, notSavedReason, send } from "./transport.js";

const page = document.getElementById("annotate-page");
const root = document.getElementById("article-text");
const toolbarEl = document.getElementById("annotate-toolbar");
const editorEl = document.getElementById("annotation-editor");
const articleId = page.dataset.articleId;
const { setStatus, announce, retryButton } = createStatus(page);

const suggestionId = (li) => `s-${li.dataset.start}-${li.dataset.end}-${li.dataset.kind}`;
const suggestionEntries = () => [...document.querySelectorAll("#annotation-region .suggestion-item")];

function suggestionsFromList() {
  return suggestionEntries().map((li) => ({
    id: suggestionId(li),
    start: Number(li.dataset.start),
    end: Number(li.dataset.end),
    category: "suggestion",
  }));
}

function redraw() {
  const waiting = saves
    .values()
    .filter((i) => i.articleId === articleId)
    .map((i) => ({ ...i, id: `pending-${i.key}`, pending: true }));
  renderHighlights(root, [...annotationsFromList(listEl()), ...waiting, ...suggestionsFromList()]);
}

// Key items are kept on the device until the server has them, like a student's highlights (one outbox
// per lesson key): a lost connection or an ended session loses no selection and no explanation.
const { saves, write, amend, failText } = connectSaves({
  page,
  outbox: new Outbox(`key-${page.dataset.lessonId}`),
  articleId,
  setStatus,
  redraw,
  noteName: "explanation",
  saved: (item) => {
    if (item.kind === "create") setStatus("saved", "Added to the key");
  },
});

// ---------------------------------------------------------------- what the toolbar does here

function create({ selector, category, note }) {
  const { item, result } = saves.create({ url: toolbarEl.action, articleId, ...selector, category, explanation: note });
  // Not added: the toolbar keeps the selection and the explanation, so choosing the category again retries
  // at once; what is already on the device is sent anyway (the server adds the same span only once).
  const outcome = result.then((how) => {
    if (how === "saved") return how;
    setStatus("error", notAddedToKey(truncate(item.exact, 40), notSavedReason(item.error)));
    return "failed";
  });
  return { item, result: outcome };
}

/** A form of the panel (a suggestion, a set-aside item) sent as it is: resolves true once the server has it. */
async function sendForm(form, doneText) {
  setStatus("saving", "Saving…");
  const answer = await send(form.action, Object.fromEntries(new FormData(form)), { source: page });
  if (answer.kind === "ok") {
    setStatus("saved", doneText);
    return true;
  }
  setStatus("error", notSaved(answer.message));
  return false;
}

// ---------------------------------------------------------------- suggestions

function setUpSuggestions() {
  document.addEventListener("submit", async (event) => {
    const form = event.target.closest("form[data-suggestion-form]");
    if (!form) return;
    event.preventDefault();
    const accepting = form.dataset.suggestionForm === "accept";
    if (accepting && !form.elements.category.value) {
      setStatus("error", "Choose a category for this suggestion first.");
      form.elements.category.focus();
      return;
    }
    const li = form.closest(".suggestion-item");
    const entries = suggestionEntries();
    const next = entries[entries.indexOf(li) + 1] || entries[entries.indexOf(li) - 1];
    const nextId = next?.id;
    form.querySelectorAll("button").forEach((b) => (b.disabled = true));
    const ok = await sendForm(form, accepting ? "Suggestion added to the key" : "Suggestion dismissed");
    if (!ok) {
      form.querySelectorAll("button").forEach((b) => (b.disabled = false));
      return;
    }
    announce(accepting ? "Added to the key." : "Dismissed.");
    const target = (nextId && document.getElementById(nextId)) || document.getElementById("suggestions-title");
    target?.setAttribute("tabindex", target.getAttribute("tabindex") ?? "-1");
    target?.focus({ preventScroll: true });
  });
  document.addEventListener("click", (event) => {
    const show = event.target.closest("[data-action=show-suggestion]");
    if (!show) return;
    flashHighlight(root, suggestionId(show.closest(".suggestion-item")));
  });
}

/** A click on a suggestion's dotted underline: show its entry in the list, ready to accept. */
function showSuggestionEntry(mark) {
  const ids = mark.dataset.annotationIds.split(" ").filter((id) => id.startsWith("s-"));
  if (!ids.length) return false;
  const li = document.getElementById(`suggestion-${ids[0].slice(2)}`);
  if (!li) return false;
  li.closest("details")?.setAttribute("open", "");
  flashEntry(li, { focus: false });
  li.querySelector("select, button")?.focus({ preventScroll: true });
  return true;
}

// ---------------------------------------------------------------- key items a correction set aside

function setUpOrphans() {
  document.addEventListener("submit", async (event) => {
    const form = event.target.closest("form[data-orphan-delete]");
    if (!form) return;
    event.preventDefault();
    const ok = await sendForm(form, "Key item deleted");
    if (!ok) return;
    const target = document.getElementById("key-orphans-heading") || document.getElementById("reading-panel");
    target?.setAttribute("tabindex", "-1");
    target?.focus({ preventScroll: true });
  });
  // "Find these words": the Find box looks for them in the corrected text; if found, the toolbar opens
  // on them with the old explanation ready, so re-creating the item is one category away.
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action=find-orphan]");
    if (!button) return;
    const input = document.getElementById("find-text");
    const form = document.getElementById("find-form");
    if (!input || !form) return;
    input.value = button.dataset.quote;
    form.requestSubmit();
    if (!toolbarEl.hidden && toolbarEl.dataset.phase === "choose") {
      toolbarEl.querySelector("[data-toolbar-note]").value = button.dataset.explanation || "";
    } else {
      input.focus();
    }
  });
}

// ---------------------------------------------------------------- start

enableConfirmForms();
const toolbar = new SelectionToolbar({ root, toolbar: toolbarEl, announce, create, amend });
const editor = new ItemEditor({
  root,
  editor: editorEl,
  write,
  failText,
  deletedText: "Key item deleted",
  onOpen: () => toolbar.close({ resume: false }),
});
toolbar.editor = editor;
toolbar.setUp();
editor.setUp();
linkListAndText({ root, editor, onMark: showSuggestionEntry });
setUpSuggestions();
setUpOrphans();
retryButton.addEventListener("click", () => saves.flush());
window.addEventListener("online", () => saves.flush());
saves.restore();
saves.guardLeaving();
redraw();
if (saves.size) saves.flush();
page.dataset.ready = "true";

// The teacher's key mode: build a lesson's reference key on the article with the same selection
// toolbar as students (note = "explanation"), edit items in the same popover, and accept or dismiss
// suggested spans (numbers, attributions, quotations) drawn with a dotted underline.
//
// Same contract as the reading view: the server's list region (#annotation-region) is the truth;
// it holds the key items (#annotation-list) and the suggestions (.suggestion-item), and every write
// answers with it. A span being saved is drawn as pending until the answer arrives.

import { enableConfirmForms } from "./confirm.js";
import { annotationsFromList, flashHighlight, renderHighlights } from "./highlights.js";
import { ItemEditor, flashEntry, linkListAndText } from "./item-editor.js";
import { truncate } from "./panels.js";
import { RegionSync, listEl, send } from "./region.js";
import { SelectionToolbar } from "./selection-toolbar.js";
import { createStatus } from "./status.js";

const page = document.getElementById("annotate-page");
const root = document.getElementById("article-text");
const toolbarEl = document.getElementById("annotate-toolbar");
const editorEl = document.getElementById("annotation-editor");
const articleId = page.dataset.articleId;
const { setStatus, announce } = createStatus(page);

const pending = new Map(); // temporary key → span being saved

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
  const waiting = [...pending.values()].map((i) => ({ ...i, id: `pending-${i.key}`, pending: true }));
  renderHighlights(root, [...annotationsFromList(listEl()), ...waiting, ...suggestionsFromList()]);
}

const region = new RegionSync({ articleId, onApplied: redraw, setStatus });

// ---------------------------------------------------------------- what the toolbar does here

async function sendCreate(item) {
  const seq = region.nextSeq();
  let answer = await send(item.url, {
    category: item.category,
    start: item.start,
    end: item.end,
    exact: item.exact,
    explanation: item.explanation || "",
  });
  if (answer.kind === "ok" && !answer.fresh.dataset.createdId) {
    answer = { kind: "server", message: "the server sent an unexpected answer. Reload the page and try again." };
  }
  pending.delete(item.key);
  if (answer.fresh) region.apply(answer.fresh, seq);
  if (answer.kind === "ok") {
    item.id = answer.fresh.dataset.createdId;
    if (item.followUp) await amend(item, item.followUp);
    else setStatus("saved", "Added to the key");
    return "saved";
  }
  // Nothing is kept on the device in the key mode: the toolbar stays open with the selection and the
  // explanation, so choosing the category again (after logging in, or when the connection is back) retries.
  item.error = `Not saved — ${answer.message}`;
  setStatus("error", `Not added to the key: “${truncate(item.exact, 40)}” — ${answer.message}`);
  redraw();
  return "failed";
}

function create({ selector, category, note }) {
  const item = { key: `${Date.now()}-${Math.random()}`, url: toolbarEl.action, ...selector, category, explanation: note };
  pending.set(item.key, item);
  redraw();
  setStatus("saving", "Saving…");
  item.inFlight = sendCreate(item);
  return { item, result: item.inFlight };
}

async function amend(item, changes) {
  if (!item.id) {
    if (!pending.has(item.key)) return false;
    Object.assign(item, changes);
    item.followUp = { ...(item.followUp || {}), ...changes };
    return true;
  }
  const li = listEl()?.querySelector(`li[data-id="${item.id}"]`);
  if (!li) return false;
  const ok = await region.write(li.dataset.updateUrl, changes, "Saved");
  if (ok) Object.assign(item, changes);
  else item.error = region.lastError;
  return ok;
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
    const ok = await region.write(
      form.action,
      Object.fromEntries(new FormData(form)),
      accepting ? "Suggestion added to the key" : "Suggestion dismissed",
    );
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
    const ok = await region.write(form.action, {}, "Key item deleted");
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
  write: (url, fields, doneText) => region.write(url, fields, doneText),
  deletedText: "Key item deleted",
  onOpen: () => toolbar.close({ resume: false }),
});
toolbar.editor = editor;
toolbar.setUp();
editor.setUp();
linkListAndText({ root, editor, onMark: showSuggestionEntry });
setUpSuggestions();
setUpOrphans();
redraw();
page.dataset.ready = "true";

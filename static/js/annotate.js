// The student's reading view: turn a selection into a highlight, save it at once, never lose it.
//
// The server's list (#annotation-list > li[data-id]) is the truth the highlights are drawn from. Every
// change goes into the on-device outbox first (pending-saves.js) and is sent through htmx; the server
// answers with only what changed (that highlight and the counters, swapped out of band), and the page
// redraws. New highlights still on their way are drawn as pending. The pieces shared with the key mode
// live in their own modules: selection-toolbar.js, item-editor.js, writes.js, transport.js, status.js, panels.js.

import { enableConfirmForms } from "./confirm.js";
import { annotationsFromList, flashHighlight, listEl, renderHighlights } from "./highlights.js";
import { ItemEditor, flashEntry, linkListAndText } from "./item-editor.js";
import { Outbox } from "./outbox.js";
import { plural } from "./pending-saves.js";
import { truncate } from "./panels.js";
import { SelectionToolbar } from "./selection-toolbar.js";
import { createStatus } from "./status.js";
import { failureLabel, notSubmittedMessage } from "./transport.js";
import { connectSaves } from "./writes.js";

const page = document.getElementById("annotate-page");
const root = document.getElementById("article-text");
const toolbarEl = document.getElementById("annotate-toolbar");
const editorEl = document.getElementById("annotation-editor");
const editable = page.dataset.editable === "true" && toolbarEl !== null;
const articleId = page.dataset.articleId;
const outbox = new Outbox(page.dataset.submissionId);
const { setStatus, announce, retryButton } = createStatus(page);

// ---------------------------------------------------------------- the list and the highlights

function pendingHere() {
  return saves.values().filter((item) => item.articleId === articleId);
}

function redraw() {
  const saved = annotationsFromList(listEl());
  const waiting = pendingHere().map((i) => ({ ...i, id: `pending-${i.key}`, pending: true }));
  renderHighlights(root, [...saved, ...waiting]);
  renderPendingItems();
}

function categoryLabel(category) {
  return toolbarEl?.querySelector(`.cat-button[value="${category}"]`)?.dataset.label || category;
}

function pendingItemState(item) {
  if (item.state !== "queued") return "Saving…";
  return failureLabel(item.sessionEnded ? "session" : "network");
}

/** New highlights on their way, in the list: the page's <template id="pending-item">, filled in. */
function renderPendingItems() {
  const list = listEl();
  const template = document.getElementById("pending-item");
  if (!list || !template) return;
  list.querySelectorAll("li[data-key]").forEach((li) => li.remove());
  const items = pendingHere();
  if (items.length) document.getElementById("annotation-list-empty")?.setAttribute("hidden", "");
  for (const item of items) {
    const li = template.content.firstElementChild.cloneNode(true);
    li.classList.add(`cat-${item.category}`);
    li.dataset.key = item.key;
    li.querySelector(".chip").classList.add(`chip-${item.category}`);
    li.querySelector(".swatch").classList.add(`hl-${item.category}`, `hl-start-${item.category}`, `hl-end-${item.category}`);
    li.querySelector("[data-chip-label]").textContent = categoryLabel(item.category);
    const state = li.querySelector(".item-state");
    state.classList.add(`state-${item.state}`);
    state.textContent = pendingItemState(item);
    li.querySelector(".item-quote").textContent = truncate(item.exact, 140);
    const comment = li.querySelector(".item-comment");
    comment.textContent = item.comment || "";
    comment.hidden = !item.comment;
    const after = [...list.querySelectorAll(":scope > li[data-id]")].find((el) => Number(el.dataset.start) > item.start);
    list.insertBefore(li, after || null);
  }
}

// ---------------------------------------------------------------- every change goes through the outbox

const { saves, write, amend, failText } = connectSaves({
  page,
  outbox,
  articleId,
  setStatus,
  redraw,
  // The last change to arrive says "Saved", whatever it was (a comment typed during its highlight's save
  // follows it as a change of its own); a new highlight with more still to send says so.
  saved: (item) => {
    if (!saves.size) setStatus("saved", "Saved");
    else if (item.kind === "create") setStatus("saved", "Saved. Sending the rest…");
  },
});

// ---------------------------------------------------------------- what the toolbar does here

/** A category chosen for a fresh selection: on the device first (a closed tab cannot lose it), then sent. */
function create({ selector, category, note }) {
  return saves.create({ url: toolbarEl.action, articleId, ...selector, category, comment: note });
}

// ---------------------------------------------------------------- submitting: nothing left behind

function submitForm() {
  return document.querySelector("form.submit-form");
}

function setUpSubmit() {
  // The confirmation counts what is still on its way.
  document.addEventListener("click", (event) => {
    if (!event.target.closest(".submit-form [data-confirm-open]")) return;
    const note = submitForm()?.querySelector("[data-pending-note]");
    if (!note) return;
    const n = saves.waitingCount();
    note.hidden = n === 0;
    note.textContent = n
      ? `${n === 1 ? "1 more highlight is" : `${n} more highlights are`} still being saved: ${n === 1 ? "it is" : "they are"} sent first, and nothing is submitted unless ${n === 1 ? "it arrives" : "they all arrive"}.`
      : "";
  });
  document.addEventListener("submit", async (event) => {
    const form = event.target.closest("form.submit-form");
    if (!form) return;
    event.preventDefault();
    const buttons = [...form.querySelectorAll("button")];
    buttons.forEach((b) => (b.disabled = true));
    if (saves.waitingCount()) {
      setStatus("saving", "Sending your last highlights before submitting…");
      await saves.flush();
    }
    const n = saves.waitingCount();
    const current = submitForm() || form; // a save may have redrawn the panel
    if (n) {
      buttons.forEach((b) => (b.disabled = false));
      current.querySelectorAll("button").forEach((b) => (b.disabled = false));
      const text = notSubmittedMessage(n, saves.lastFailure);
      let alert = current.querySelector("[data-submit-problem]");
      if (!alert) {
        alert = document.createElement("p");
        alert.className = "form-error submit-problem";
        alert.setAttribute("role", "alert");
        alert.dataset.submitProblem = "";
        current.prepend(alert);
      }
      alert.textContent = `Not submitted: ${text}`;
      setStatus("queued", `Not submitted — ${text}`);
      return;
    }
    const confirmed = document.createElement("input");
    confirmed.type = "hidden";
    confirmed.name = "confirmed";
    confirmed.value = "1";
    current.append(confirmed);
    HTMLFormElement.prototype.submit.call(current);
  });
}

// ---------------------------------------------------------------- read-only: highlights that never arrived

/** After submitting, highlights still on this device are shown and explained, never silently kept. */
function showLeftovers() {
  const items = outbox.all().filter((item) => (item.kind || "create") === "create");
  if (!items.length) return;
  const panel = document.getElementById("reading-panel");
  const section = document.createElement("section");
  section.className = "unsent-highlights";
  section.id = "unsent-highlights";
  section.setAttribute("aria-labelledby", "unsent-heading");
  const heading = document.createElement("h2");
  heading.className = "panel-heading";
  heading.id = "unsent-heading";
  heading.textContent = `Not sent before you submitted (${items.length})`;
  const explain = document.createElement("p");
  explain.className = "unsent-explainer";
  explain.textContent =
    `${plural(items.length)} on this device only: ${items.length === 1 ? "it" : "they"} did not reach the server before this work was submitted, ` +
    "so your teacher cannot see " + (items.length === 1 ? "it" : "them") + ". If your teacher returns your work, open it on this device and " +
    (items.length === 1 ? "it is" : "they are") + " sent automatically. You could also copy your comments and tell your teacher.";
  const list = document.createElement("ol");
  list.className = "unsent-list";
  for (const item of items) {
    const li = document.createElement("li");
    li.className = `unsent-item cat-${item.category}`;
    const chip = document.createElement("span");
    chip.className = `chip chip-${item.category}`;
    chip.textContent = categoryLabel(item.category);
    const quote = document.createElement("blockquote");
    quote.className = "item-quote";
    quote.textContent = `“${truncate(item.exact, 140)}”`;
    li.append(chip, quote);
    if (item.comment) {
      const comment = document.createElement("p");
      comment.className = "item-comment";
      comment.textContent = item.comment;
      li.append(comment);
    }
    list.append(li);
  }
  const discard = document.createElement("button");
  discard.type = "button";
  discard.className = "button button-secondary button-small";
  discard.textContent = "Remove them from this device";
  discard.addEventListener("click", () => {
    if (discard.dataset.armed !== "true") {
      discard.dataset.armed = "true";
      discard.textContent = "Yes, remove them for good";
      return;
    }
    outbox.save([]);
    section.replaceChildren(heading, Object.assign(document.createElement("p"), { textContent: "Removed from this device." }));
    heading.textContent = "Not sent before you submitted";
  });
  section.append(heading, explain, list, discard);
  document.getElementById("save-status")?.after(section);
  panel?.classList.add("has-unsent");
}

// ---------------------------------------------------------------- start

enableConfirmForms();
let editor = null;
if (editable) {
  const toolbar = new SelectionToolbar({ root, toolbar: toolbarEl, announce, create, amend });
  editor = new ItemEditor({
    root,
    editor: editorEl,
    write,
    failText,
    deletedText: "Highlight deleted",
    onOpen: () => toolbar.close({ resume: false }),
  });
  toolbar.editor = editor;
  toolbar.setUp();
  editor.setUp();
  retryButton.addEventListener("click", () => saves.flush());
  window.addEventListener("online", () => saves.flush());
  saves.restore();
  saves.guardLeaving();
  setUpSubmit();
} else {
  showLeftovers();
}
linkListAndText({ root, editor });
// The server drew the saved highlights into the text (data-highlights-drawn): the page shows them before
// this runs. Draw again only for what it cannot know of, highlights still on their way from this device.
if (!root.hasAttribute("data-highlights-drawn") || pendingHere().length) redraw();

// A number claim's "what is counted" form in the list (teaching/templatetags/entries.py): not in the page
// until its <details> opens, then made from the page's one <template id="claim-form"> with the entry's values.
document.addEventListener(
  "toggle",
  (event) => {
    const details = event.target;
    if (!details.matches?.("details[data-claim-edit]") || !details.open || details.querySelector("form")) return;
    const template = document.getElementById("claim-form");
    const id = details.closest("li[data-id]")?.dataset.id;
    if (!template || !id) return;
    const form = template.content.firstElementChild.cloneNode(true);
    form.action = details.dataset.claimUrl;
    for (const [name, key] of [["counted", "counted"], ["place", "place"], ["time_window", "window"]]) {
      const input = form.elements[name];
      input.id = `item-${key}-${id}`;
      input.value = details.dataset[key] || "";
      form.querySelector(`label[data-for="${name}"]`).htmlFor = input.id;
    }
    details.querySelector("[data-claim-page]")?.remove();
    details.append(form);
  },
  true, // toggle does not bubble
);

// Saving it: a change like any other (kept on the device until the server has it), then the entry gets the
// focus back.
document.addEventListener("submit", async (event) => {
  const form = event.target.closest("form[data-claim-form]");
  if (!form) return;
  event.preventDefault();
  const id = form.closest("li[data-id]")?.dataset.id;
  const fields = Object.fromEntries(["counted", "place", "time_window", "fragment"].map((n) => [n, form.elements[n].value]));
  const ok = await write("update", { id, url: form.action, fields }, "Saved what it counts");
  const li = id && listEl()?.querySelector(`li[data-id="${id}"]`);
  if (li && ok) flashEntry(li);
  else if (li) li.querySelector("details.claim-item-edit")?.setAttribute("open", "");
});

// A jump from a linked claim, the ledger or the side-by-side view: ?focus=<highlight id>.
const focusId = new URLSearchParams(window.location.search).get("focus");
if (focusId) {
  const li = listEl()?.querySelector(`li[data-id="${CSS.escape(focusId)}"]`);
  if (flashHighlight(root, focusId) && li) {
    li.classList.add("is-flash");
    li.focus({ preventScroll: true });
  }
}
if (editable && saves.size) {
  setStatus("queued", `${saves.size === 1 ? "1 change" : `${saves.size} changes`} from earlier not saved yet — sending now…`);
  saves.flush();
}
page.dataset.ready = "true";

// The student's reading view: turn a selection into a highlight, save it at once, never lose it.
//
// One source of truth: the server's annotation list (#annotation-list > li[data-id]). Every write
// answers with that list as a fragment; the page swaps it in and redraws the highlights from it,
// plus the highlights still on their way (kept in a localStorage outbox until the server answers).
// The pieces shared with the teacher's key mode (key-edit.js) live in their own modules:
// selection-toolbar.js, item-editor.js, region.js, status.js, panels.js.

import { enableConfirmForms } from "./confirm.js";
import { annotationsFromList, flashHighlight, renderHighlights } from "./highlights.js";
import { ItemEditor, flashEntry, linkListAndText } from "./item-editor.js";
import { Outbox } from "./outbox.js";
import { truncate } from "./panels.js";
import { RegionSync, listEl, send } from "./region.js";
import { SelectionToolbar } from "./selection-toolbar.js";
import { createStatus } from "./status.js";

const RETRY_MS = 4000;

const page = document.getElementById("annotate-page");
const root = document.getElementById("article-text");
const toolbarEl = document.getElementById("annotate-toolbar");
const editorEl = document.getElementById("annotation-editor");
const editable = page.dataset.editable === "true" && toolbarEl !== null;
const articleId = page.dataset.articleId;
const outbox = new Outbox(page.dataset.submissionId);
const { setStatus, announce, retryButton } = createStatus(page);

// ---------------------------------------------------------------- the list and the highlights

const pending = new Map(); // key → highlight not yet confirmed by the server

function pendingHere() {
  return [...pending.values()].filter((item) => item.articleId === articleId);
}

function redraw() {
  const saved = annotationsFromList(listEl());
  const waiting = pendingHere().map((i) => ({ ...i, id: `pending-${i.key}`, pending: true }));
  renderHighlights(root, [...saved, ...waiting]);
  renderPendingItems();
}

const region = new RegionSync({ articleId, onApplied: redraw, setStatus });

function categoryLabel(category) {
  return toolbarEl?.querySelector(`.cat-button[value="${category}"]`)?.dataset.label || category;
}

function pendingItemState(item) {
  if (item.state !== "queued") return "Saving…";
  return item.sessionEnded ? "Not saved — log in again, then reload" : "Not saved yet — will retry";
}

function renderPendingItems() {
  const list = listEl();
  if (!list) return;
  list.querySelectorAll("li[data-key]").forEach((li) => li.remove());
  const items = pendingHere();
  document.getElementById("annotation-list-empty")?.toggleAttribute("hidden", items.length > 0);
  for (const item of items) {
    const li = document.createElement("li");
    li.className = `annotation-item cat-${item.category} is-pending`;
    li.dataset.key = item.key;
    const head = document.createElement("div");
    head.className = "item-head";
    const chip = document.createElement("span");
    chip.className = `chip chip-${item.category}`;
    const swatch = document.createElement("span");
    swatch.className = `swatch hl hl-${item.category} hl-start-${item.category} hl-end-${item.category}`;
    swatch.setAttribute("aria-hidden", "true");
    swatch.textContent = "Aa";
    chip.append(swatch, categoryLabel(item.category));
    const state = document.createElement("span");
    state.className = `item-state state-${item.state}`;
    state.textContent = pendingItemState(item);
    head.append(chip, state);
    const quote = document.createElement("blockquote");
    quote.className = "item-quote";
    quote.textContent = truncate(item.exact, 140);
    li.append(head, quote);
    if (item.comment) {
      const comment = document.createElement("p");
      comment.className = "item-comment";
      comment.textContent = item.comment;
      li.append(comment);
    }
    const after = [...list.querySelectorAll(":scope > li[data-id]")].find((el) => Number(el.dataset.start) > item.start);
    list.insertBefore(li, after || null);
  }
}

// ---------------------------------------------------------------- creating (with the outbox)
//
// Every create carries the outbox key as `client_key`: a retry after a lost answer updates the
// highlight the server already has (to the category and comment sent last) instead of adding a second.

function stored(item) {
  const { key, url, articleId: a, start, end, exact, category, comment } = item;
  return { key, url, articleId: a, start, end, exact, category, comment };
}

function newKey() {
  return window.crypto?.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

const plural = (n) => (n === 1 ? "1 highlight is" : `${n} highlights are`);

let retryTimer = null;
let lastFailure = null; // the answer of the last save that did not get through

function scheduleRetry() {
  if (!retryTimer) retryTimer = setInterval(flushOutbox, RETRY_MS);
}

/** Send everything waiting (highlights from other tabs of this submission too); resolves when all answered. */
async function flushOutbox() {
  for (const item of outbox.all()) if (!pending.has(item.key)) pending.set(item.key, { ...item, state: "queued" });
  if (!pending.size && retryTimer) {
    clearInterval(retryTimer);
    retryTimer = null;
  }
  await Promise.all([...pending.values()].map((item) => sendCreate(item)));
}

function queue(item, answer) {
  item.state = "queued";
  lastFailure = answer;
  outbox.put(stored(item));
  renderPendingItems();
  item.sessionEnded = answer.kind === "session";
  item.error = item.sessionEnded ? `Not saved — ${answer.message}` : "Not saved yet — will retry";
  const what = plural(pending.size);
  const texts = {
    session: `Not saved — ${answer.message} (${what} waiting on this device.)`,
    network: `Not saved yet — the connection was lost. Retrying: ${what} kept on this device and will be sent when the connection is back.`,
    server: `Not saved yet — ${answer.message} Retrying: ${what} kept on this device.`,
  };
  setStatus("queued", texts[answer.kind] || texts.server);
  scheduleRetry();
  return null;
}

/** The fields that changed since `sent` went out (the student changed their mind meanwhile). */
function changedSince(item, sent) {
  const changes = {};
  if (item.category !== sent.category) changes.category = item.category;
  if ((item.comment || "") !== sent.comment) changes.comment = item.comment || "";
  return Object.keys(changes).length ? changes : null;
}

async function sendCreate(item) {
  if (item.inFlight) return item.inFlight;
  item.inFlight = (async () => {
    const seq = region.nextSeq();
    const sent = { category: item.category, comment: item.comment || "" };
    let answer = await send(item.url, { ...sent, start: item.start, end: item.end, exact: item.exact, client_key: item.key });
    if (answer.kind === "ok" && !answer.fresh.dataset.createdId) {
      answer = { kind: "server", message: "the server sent an unexpected answer. Reload the page and try again." };
    }
    if (answer.kind === "ok" || answer.kind === "refused" || answer.kind === "gone") {
      pending.delete(item.key);
      outbox.remove(item.key);
      if (item.articleId === articleId) region.apply(answer.fresh, seq);
    }
    if (answer.kind === "ok") {
      item.id = answer.fresh.dataset.createdId;
      item.state = "saved";
      const changes = changedSince(item, sent);
      if (changes && item.articleId === articleId) await updateAnnotation(item.id, changes);
      else setStatus("saved", pending.size ? "Saved. Sending the rest…" : "Saved");
      return item.id;
    }
    if (answer.kind === "refused" || answer.kind === "gone") {
      item.error = `Not saved — ${answer.message}`;
      setStatus("error", `Not saved: “${truncate(item.exact, 40)}” — ${answer.message}`);
      redraw();
      return null;
    }
    return queue(item, answer);
  })();
  try {
    return await item.inFlight;
  } finally {
    item.inFlight = null;
  }
}

async function updateAnnotation(id, fields) {
  const li = listEl()?.querySelector(`li[data-id="${id}"]`);
  if (!li) return false;
  return region.write(li.dataset.updateUrl, fields, "Saved");
}

// ---------------------------------------------------------------- what the toolbar does here

/** A category chosen for a fresh selection: on the device first (a closed tab cannot lose it), then sent. */
function create({ selector, category, note }) {
  const item = { key: newKey(), url: toolbarEl.action, articleId, ...selector, category, comment: note, state: "saving" };
  pending.set(item.key, item);
  outbox.put(stored(item));
  redraw();
  setStatus("saving", "Saving…");
  const result = sendCreate(item).then((id) => (id ? "saved" : pending.has(item.key) ? "queued" : "failed"));
  return { item, result };
}

/**
 * Change a highlight just made from the toolbar, whether or not the server has it yet. While it waits
 * (or is on its way), the change goes into the waiting item: the next try carries it, with the same key.
 */
async function amend(item, changes) {
  if (item.id) {
    const ok = await updateAnnotation(item.id, changes);
    if (ok) Object.assign(item, changes);
    else item.error = region.lastError;
    return ok;
  }
  if (!pending.has(item.key)) return false;
  Object.assign(item, changes);
  outbox.update(item.key, changes);
  redraw();
  return true;
}

// ---------------------------------------------------------------- submitting: nothing left behind

/** How many highlights of this submission are still waiting, on this device (any tab). */
function waitingCount() {
  const keys = new Set([...pending.keys(), ...outbox.all().map((i) => i.key)]);
  return keys.size;
}

function submitForm() {
  return document.querySelector("form.submit-form");
}

function setUpSubmit() {
  // The confirmation counts what is still on its way.
  document.addEventListener("click", (event) => {
    if (!event.target.closest(".submit-form [data-confirm-open]")) return;
    const note = submitForm()?.querySelector("[data-pending-note]");
    if (!note) return;
    const n = waitingCount();
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
    if (waitingCount()) {
      setStatus("saving", "Sending your last highlights before submitting…");
      await flushOutbox();
    }
    const n = waitingCount();
    const current = submitForm() || form; // a save may have redrawn the panel
    if (n) {
      buttons.forEach((b) => (b.disabled = false));
      current.querySelectorAll("button").forEach((b) => (b.disabled = false));
      const why = lastFailure?.kind === "session" ? ` ${lastFailure.message}` : "";
      const text = `${n === 1 ? "1 highlight is" : `${n} highlights are`} not saved yet — check your connection, then submit.${why}`;
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
  const items = outbox.all();
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
    write: (url, fields, doneText) => region.write(url, fields, doneText),
    failText: () => region.lastError,
    deletedText: "Highlight deleted",
    onOpen: () => toolbar.close({ resume: false }),
  });
  toolbar.editor = editor;
  toolbar.setUp();
  editor.setUp();
  retryButton.addEventListener("click", () => flushOutbox());
  window.addEventListener("online", () => flushOutbox());
  for (const item of outbox.all()) pending.set(item.key, { ...item, state: "queued" });
  setUpSubmit();
} else {
  showLeftovers();
}
linkListAndText({ root, editor });
redraw();

// A number claim's "what is counted" form in the list (templates/teaching/_claim_item.html): saved like
// any other change to the list, then the entry gets the focus back.
document.addEventListener("submit", async (event) => {
  const form = event.target.closest("form[data-claim-form]");
  if (!form) return;
  event.preventDefault();
  const id = form.closest("li[data-id]")?.dataset.id;
  const fields = Object.fromEntries(["counted", "place", "time_window", "fragment"].map((n) => [n, form.elements[n].value]));
  const ok = await region.write(form.action, fields, "Saved what it counts");
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
if (pending.size) {
  setStatus("queued", `${pending.size} highlight${pending.size === 1 ? "" : "s"} from earlier not saved yet — sending now…`);
  flushOutbox();
  scheduleRetry();
}
page.dataset.ready = "true";

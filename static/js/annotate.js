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
import { RegionSync, errorText, listEl, parseRegion, post } from "./region.js";
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
  return item.state === "queued" ? "Not saved yet — will retry" : "Saving…";
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

function stored(item) {
  const { key, url, articleId: a, start, end, exact, category, comment } = item;
  return { key, url, articleId: a, start, end, exact, category, comment };
}

function newKey() {
  return window.crypto?.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

let retryTimer = null;

function scheduleRetry() {
  if (!retryTimer) retryTimer = setInterval(flushOutbox, RETRY_MS);
}

async function flushOutbox() {
  const items = [...pending.values()].filter((item) => !item.inFlight);
  if (!pending.size && retryTimer) {
    clearInterval(retryTimer);
    retryTimer = null;
  }
  for (const item of items) await sendCreate(item);
}

function queue(item, why) {
  item.state = "queued";
  outbox.put(stored(item));
  renderPendingItems();
  const n = pending.size;
  const what = n === 1 ? "1 highlight is" : `${n} highlights are`;
  setStatus(
    "queued",
    why === "session"
      ? `Couldn't save — you may have been logged out. ${what} kept on this device; log in again and it will be sent.`
      : `Couldn't save — retrying. ${what} not saved yet and will be sent when the connection is back.`,
  );
  scheduleRetry();
  return null;
}

async function sendCreate(item) {
  if (item.inFlight) return item.inFlight;
  item.inFlight = (async () => {
    const seq = region.nextSeq();
    let response;
    try {
      response = await post(item.url, {
        category: item.category,
        start: item.start,
        end: item.end,
        exact: item.exact,
        comment: item.comment || "",
      });
    } catch {
      return queue(item, "network");
    }
    if (response.ok || response.status === 400) {
      const fresh = parseRegion(await response.text());
      pending.delete(item.key);
      outbox.remove(item.key);
      if (item.articleId === articleId) region.apply(fresh, seq);
      if (response.ok) {
        item.id = fresh?.dataset.createdId || null;
        if (item.followUp && item.id) await updateAnnotation(item.id, item.followUp);
        else setStatus("saved", pending.size ? "Saved. Sending the rest…" : "Saved");
        return item.id;
      }
      setStatus("error", `Couldn't save “${truncate(item.exact, 40)}”: ${errorText(fresh, "the server refused it.")}`);
      redraw();
      return null;
    }
    if (response.status === 404) {
      pending.delete(item.key);
      outbox.remove(item.key);
      setStatus("error", "Couldn't save: this assignment is no longer open to you.");
      redraw();
      return null;
    }
    return queue(item, response.status === 403 ? "session" : "server");
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

/** Change a highlight just made from the toolbar, whether or not the server has it yet. */
async function amend(item, changes) {
  if (item.id) {
    const ok = await updateAnnotation(item.id, changes);
    if (ok) Object.assign(item, changes);
    return ok;
  }
  Object.assign(item, changes);
  if (pending.has(item.key)) {
    outbox.update(item.key, changes);
    if (item.inFlight) item.followUp = { ...(item.followUp || {}), ...changes };
    redraw();
    return true;
  }
  return false;
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
    deletedText: "Highlight deleted",
    onOpen: () => toolbar.close({ resume: false }),
  });
  toolbar.editor = editor;
  toolbar.setUp();
  editor.setUp();
  retryButton.addEventListener("click", flushOutbox);
  window.addEventListener("online", flushOutbox);
  for (const item of outbox.all()) pending.set(item.key, { ...item, state: "queued" });
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

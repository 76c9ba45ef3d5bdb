// The student's reading view: turn a selection into a highlight, save it at once, never lose it.
//
// One source of truth: the server's annotation list (#annotation-list > li[data-id]). Every write
// answers with that list as a fragment; the page swaps it in and redraws the highlights from it,
// plus the highlights still on their way (kept in a localStorage outbox until the server answers).

import { enableConfirmForms } from "./confirm.js";
import { annotationsFromList, flashHighlight, innermostId, marksFor, renderHighlights, smoothOrInstant } from "./highlights.js";
import { KeyboardSelect } from "./keyboard-select.js";
import { Outbox } from "./outbox.js";
import { rangeFor, selectorFor, cpLength } from "./textpos.js";

const RETRY_MS = 4000;

const page = document.getElementById("annotate-page");
const root = document.getElementById("article-text");
const statusLine = document.getElementById("save-status");
const toolbar = document.getElementById("annotate-toolbar");
const editor = document.getElementById("annotation-editor");
const editable = page.dataset.editable === "true" && toolbar !== null;
const articleId = page.dataset.articleId;
const outbox = new Outbox(page.dataset.submissionId);

const listEl = () => document.getElementById("annotation-list");
const regionEl = () => document.getElementById("annotation-region");

function csrfToken() {
  const field = document.querySelector("[name=csrfmiddlewaretoken]");
  if (field) return field.value;
  try {
    return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"];
  } catch {
    return "";
  }
}

function truncate(text, n) {
  const chars = Array.from(text);
  return chars.length > n ? `${chars.slice(0, n - 1).join("")}…` : text;
}

function categoryLabel(category) {
  return toolbar?.querySelector(`.cat-button[value="${category}"]`)?.dataset.label || category;
}

// ---------------------------------------------------------------- status line and announcements

const retryButton = document.createElement("button");
retryButton.type = "button";
retryButton.className = "link-button retry-now";
retryButton.textContent = "Retry now";
retryButton.hidden = true;
statusLine?.after(retryButton);

const announcer = document.createElement("p");
announcer.className = "visually-hidden";
announcer.setAttribute("aria-live", "polite");
announcer.id = "kbd-announce";
page.append(announcer);

let freshTimer = null;

function setStatus(state, text) {
  if (!statusLine) return;
  statusLine.dataset.state = state;
  statusLine.textContent = text;
  retryButton.hidden = state !== "queued";
  // On small screens the line floats into view for a moment (see reading.css).
  statusLine.classList.add("is-fresh");
  clearTimeout(freshTimer);
  freshTimer = setTimeout(() => statusLine.classList.remove("is-fresh"), 4000);
}

function announce(text) {
  announcer.textContent = "";
  requestAnimationFrame(() => {
    announcer.textContent = text;
  });
}

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

let appliedSeq = 0;
let nextSeq = 0;

function parseRegion(html) {
  return new DOMParser().parseFromString(html, "text/html").getElementById("annotation-region");
}

/** Swap in the server's list (unless a newer answer was already shown) and redraw. */
function applyRegion(fresh, seq) {
  if (!fresh || seq < appliedSeq) return;
  appliedSeq = seq;
  regionEl().replaceWith(document.adoptNode(fresh));
  const count = document.querySelector(`[data-article-count-for="${articleId}"]`);
  if (count?.firstChild) {
    count.firstChild.nodeValue = fresh.dataset.articleCount;
    count.classList.toggle("is-zero", fresh.dataset.articleCount === "0");
  }
  redraw();
}

function errorText(fresh, fallback) {
  return fresh?.querySelector("[data-errors]")?.textContent.trim().replace(/\s+/g, " ") || fallback;
}

async function post(url, fields) {
  return fetch(url, {
    method: "POST",
    body: new URLSearchParams(fields),
    credentials: "same-origin",
    headers: { "X-CSRFToken": csrfToken(), "HX-Request": "true" },
  });
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
    const seq = ++nextSeq;
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
      if (item.articleId === articleId) applyRegion(fresh, seq);
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

// ---------------------------------------------------------------- updating and deleting

async function updateAnnotation(id, fields) {
  const li = listEl()?.querySelector(`li[data-id="${id}"]`);
  if (!li) return false;
  return sendWrite(li.dataset.updateUrl, fields, "Saved");
}

async function sendWrite(url, fields, doneText) {
  const seq = ++nextSeq;
  setStatus("saving", "Saving…");
  let response;
  try {
    response = await post(url, fields);
  } catch {
    setStatus("error", "Couldn't save your change — check your connection and try again.");
    return false;
  }
  if (response.ok || response.status === 400) {
    const fresh = parseRegion(await response.text());
    applyRegion(fresh, seq);
    if (response.ok) {
      setStatus("saved", doneText);
      return true;
    }
    setStatus("error", `Couldn't save: ${errorText(fresh, "the server refused it.")}`);
    return false;
  }
  setStatus("error", `Couldn't save (error ${response.status}). Reload the page and try again.`);
  return false;
}

// ---------------------------------------------------------------- floating panels

function lastRect(range) {
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
  return rects[rects.length - 1] || range.getBoundingClientRect();
}

/** Show `el` next to `rect` (viewport coordinates), below it if there is room, always on screen. */
function positionNear(el, rect) {
  el.hidden = false;
  el.style.left = "0px";
  el.style.top = "0px";
  const margin = 8;
  const width = el.offsetWidth;
  const height = el.offsetHeight;
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  const left = Math.max(margin, Math.min(rect.right - width / 2, vw - width - margin));
  let top = rect.bottom + 10;
  if (top + height > vh - margin && rect.top - height - 10 >= margin) top = rect.top - height - 10;
  el.style.left = `${left + window.scrollX}px`;
  el.style.top = `${top + window.scrollY}px`;
}

// ---------------------------------------------------------------- the selection toolbar

let toolbarSelector = null;
let toolbarItem = null;
const toolbarState = toolbar?.querySelector("[data-toolbar-state]");
const toolbarComment = toolbar?.querySelector("textarea[name=comment]");

function openToolbar(selector, rect, { focus = false } = {}) {
  closeEditor({ restoreFocus: false });
  toolbarSelector = selector;
  toolbarItem = null;
  toolbar.dataset.phase = "choose";
  toolbar.elements.start.value = selector.start;
  toolbar.elements.end.value = selector.end;
  toolbar.elements.exact.value = selector.exact;
  toolbar.querySelector("[data-toolbar-quote]").textContent = `“${truncate(selector.exact, 90)}”`;
  toolbarComment.value = "";
  toolbarState.textContent = "";
  toolbar.querySelectorAll(".cat-button").forEach((b) => b.setAttribute("aria-pressed", "false"));
  toolbar.querySelector("[data-action=cancel]").textContent = "Cancel";
  toolbar.querySelector("[data-action=save]").textContent = "Save";
  positionNear(toolbar, rect);
  if (focus) toolbar.querySelector(".cat-button")?.focus();
}

function closeToolbar({ resume = true } = {}) {
  if (!toolbar || toolbar.hidden) return;
  // A comment typed after choosing the category is saved, not dropped, however the toolbar closes.
  const comment = toolbarComment.value.trim();
  if (toolbar.dataset.phase === "saved" && toolbarItem && comment !== (toolbarItem.comment || "")) {
    amend(toolbarItem, { comment });
  }
  const hadFocus = toolbar.contains(document.activeElement);
  toolbar.hidden = true;
  toolbarSelector = null;
  toolbarItem = null;
  if (kbd?.active && resume) kbd.resume();
  else if (hadFocus) root.focus?.();
}

async function chooseCategory(category) {
  if (toolbar.dataset.phase === "saved" && toolbarItem) {
    toolbar.querySelectorAll(".cat-button").forEach((b) => b.setAttribute("aria-pressed", String(b.value === category)));
    await amend(toolbarItem, { category });
    return;
  }
  if (!toolbarSelector) return;
  const item = {
    key: newKey(),
    url: toolbar.action,
    articleId,
    ...toolbarSelector,
    category,
    comment: toolbarComment.value.trim(),
    state: "saving",
  };
  pending.set(item.key, item);
  outbox.put(stored(item)); // on the device before it leaves: a closed tab cannot lose it
  if (!kbd?.active) window.getSelection().removeAllRanges();
  redraw();
  toolbarItem = item;
  toolbar.dataset.phase = "saved";
  toolbar.querySelectorAll(".cat-button").forEach((b) => b.setAttribute("aria-pressed", String(b.value === category)));
  toolbar.querySelector("[data-action=cancel]").textContent = "Close";
  toolbar.querySelector("[data-action=save]").textContent = "Save comment";
  toolbarState.textContent = "Saving…";
  setStatus("saving", "Saving…");
  const id = await sendCreate(item);
  if (toolbarItem === item) {
    if (id) toolbarState.textContent = `Saved as ${categoryLabel(item.category)}`;
    else if (pending.has(item.key)) toolbarState.textContent = "Not saved yet — will retry";
    else {
      toolbarState.textContent = "Not saved";
      closeToolbar();
    }
  }
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

function setUpToolbar() {
  toolbar.addEventListener("submit", (event) => {
    event.preventDefault();
    const category = event.submitter?.value;
    if (category) chooseCategory(category);
  });
  toolbar.querySelector("[data-action=cancel]").addEventListener("click", () => closeToolbar());
  toolbar.querySelector("[data-action=save]").addEventListener("click", async () => {
    if (toolbar.dataset.phase !== "saved" || !toolbarItem) {
      toolbarState.textContent = "Choose a category first.";
      toolbar.querySelector(".cat-button")?.focus();
      return;
    }
    toolbarState.textContent = "Saving…";
    const ok = await amend(toolbarItem, { comment: toolbarComment.value.trim() });
    if (ok) closeToolbar();
    else toolbarState.textContent = "Couldn't save the comment — try again.";
  });
}

// ---------------------------------------------------------------- the editor popover

let editorOpener = null;

function openEditor(id, opener, { confirmDelete = false } = {}) {
  const li = listEl()?.querySelector(`li[data-id="${id}"]`);
  if (!li || !editor) return;
  closeToolbar({ resume: false });
  document.querySelectorAll(".is-active").forEach((el) => el.classList.remove("is-active"));
  editor.action = li.dataset.updateUrl;
  editor.dataset.id = id;
  editor.dataset.deleteUrl = li.dataset.deleteUrl;
  for (const radio of editor.querySelectorAll("input[name=category]")) radio.checked = radio.value === li.dataset.category;
  editor.elements.comment.value = li.dataset.comment || "";
  editor.querySelector("[data-editor-quote]").textContent = `“${truncate(li.querySelector(".item-quote").textContent, 90)}”`;
  editor.querySelector("[data-editor-confirm]").hidden = !confirmDelete;
  editor.querySelector("[data-editor-actions]").hidden = confirmDelete;
  const marks = marksFor(root, id);
  li.classList.add("is-active");
  marks.forEach((m) => m.classList.add("is-active"));
  if (marks.length) {
    marks[0].scrollIntoView({ block: "center", behavior: "instant" });
    positionNear(editor, marks[marks.length - 1].getBoundingClientRect());
  } else {
    positionNear(editor, li.getBoundingClientRect());
  }
  editorOpener = opener || li;
  const focusTarget = confirmDelete
    ? editor.querySelector("[data-action=confirm-delete]")
    : editor.querySelector("input[name=category]:checked") || editor.elements.comment;
  focusTarget.focus({ preventScroll: true });
}

function closeEditor({ restoreFocus = true } = {}) {
  if (!editor || editor.hidden) return;
  editor.hidden = true;
  document.querySelectorAll(".is-active").forEach((el) => el.classList.remove("is-active"));
  const id = editor.dataset.id;
  if (restoreFocus) {
    const target = editorOpener?.isConnected ? editorOpener : listEl()?.querySelector(`li[data-id="${id}"]`);
    (target?.matches("mark") ? listEl()?.querySelector(`li[data-id="${id}"]`) : target)?.focus({ preventScroll: true });
  }
  editorOpener = null;
}

function setUpEditor() {
  editor.addEventListener("submit", async (event) => {
    event.preventDefault();
    const category = editor.querySelector("input[name=category]:checked")?.value || "";
    const ok = await updateAnnotation(editor.dataset.id, { category, comment: editor.elements.comment.value.trim() });
    if (ok) closeEditor();
  });
  editor.addEventListener("click", async (event) => {
    const action = event.target.closest("[data-action]")?.dataset.action;
    const confirmBox = editor.querySelector("[data-editor-confirm]");
    const actions = editor.querySelector("[data-editor-actions]");
    if (action === "close") closeEditor();
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
      editor.hidden = true;
      const ok = await sendWrite(editor.dataset.deleteUrl, {}, "Highlight deleted");
      document.querySelectorAll(".is-active").forEach((el) => el.classList.remove("is-active"));
      if (!ok) return;
      const focusTarget = (next && listEl()?.querySelector(`li[data-id="${next}"]`)) || document.getElementById("reading-panel");
      focusTarget?.setAttribute("tabindex", focusTarget.getAttribute("tabindex") ?? "-1");
      focusTarget?.focus({ preventScroll: true });
    }
  });
}

// ---------------------------------------------------------------- linking list and text

function flashEntry(li, { focus = true } = {}) {
  li.scrollIntoView({ block: "nearest", behavior: smoothOrInstant() });
  li.classList.remove("is-flash");
  void li.offsetWidth;
  li.classList.add("is-flash");
  if (focus) li.focus({ preventScroll: true });
}

function setUpLinking() {
  root.addEventListener("click", (event) => {
    const mark = event.target.closest("mark.hl");
    if (!mark || !window.getSelection().isCollapsed) return;
    const id = innermostId(mark, annotationsFromList(listEl()));
    if (!id) return;
    const li = listEl()?.querySelector(`li[data-id="${id}"]`);
    if (editable) openEditor(id, li);
    else if (li) flashEntry(li);
  });
  document.addEventListener("click", (event) => {
    const li = event.target.closest("#annotation-list > li[data-id]");
    if (!li) return;
    if (event.target.closest("[data-action=edit]")) {
      openEditor(li.dataset.id, li);
      return;
    }
    if (event.target.closest("button, a, form, textarea, input")) return;
    flashHighlight(root, li.dataset.id);
  });
  document.addEventListener("keydown", (event) => {
    const li = event.target.closest?.("#annotation-list > li[data-id]");
    if (!li || event.target !== li) return;
    if (event.key === "Enter") {
      event.preventDefault();
      if (editable) openEditor(li.dataset.id, li);
      else flashHighlight(root, li.dataset.id);
    } else if (event.key === " ") {
      event.preventDefault();
      flashHighlight(root, li.dataset.id);
    }
  });
  document.addEventListener("submit", (event) => {
    const form = event.target.closest("form[data-delete-form]");
    if (!form) return;
    event.preventDefault();
    openEditor(form.closest("li").dataset.id, form.querySelector("button"), { confirmDelete: true });
  });
}

// ---------------------------------------------------------------- selecting with mouse, touch, keyboard

let kbd = null;
let pointerDown = false;
let selectionTimer = null;

function checkSelection() {
  if (!editable || kbd?.active) return;
  if (toolbar.contains(document.activeElement) || editor?.contains(document.activeElement)) return;
  const selection = window.getSelection();
  if (!selection.rangeCount || selection.isCollapsed) {
    if (toolbar.dataset.phase === "choose") closeToolbar();
    return;
  }
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return;
  const selector = selectorFor(root, range);
  if (!selector) return;
  if (!toolbar.hidden && toolbarSelector?.start === selector.start && toolbarSelector?.end === selector.end) return;
  openToolbar(selector, lastRect(range));
}

function setUpSelection() {
  document.addEventListener("pointerdown", (event) => {
    if (toolbar.contains(event.target) || editor?.contains(event.target)) return;
    pointerDown = true;
    if (!toolbar.hidden && (toolbar.dataset.phase === "saved" || !event.target.closest("#article-text"))) {
      closeToolbar({ resume: false });
    }
    if (editor && !editor.hidden && !event.target.closest("mark.hl, #annotation-list")) closeEditor({ restoreFocus: false });
  });
  const release = () => {
    if (!pointerDown) return;
    pointerDown = false;
    setTimeout(checkSelection, 20);
  };
  document.addEventListener("pointerup", release);
  document.addEventListener("pointercancel", release);
  // Touch selection handles and Shift+click change the selection without a pointerup here.
  document.addEventListener("selectionchange", () => {
    if (pointerDown || kbd?.active) return;
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(checkSelection, 350);
  });

  const kbdButton = document.getElementById("keyboard-mode-button");
  kbd = new KeyboardSelect(root, {
    announce,
    onChoose: ({ start, end }) => {
      const range = rangeFor(root, start, end);
      const selector = range && selectorFor(root, range);
      if (selector) openToolbar(selector, lastRect(range), { focus: true });
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
  kbdButton?.addEventListener("click", () => {
    if (kbd.active) kbd.exit();
    else {
      kbd.enter();
      kbdButton.setAttribute("aria-pressed", "true");
    }
  });

  document.addEventListener("keydown", (event) => {
    if (event.altKey && event.code === "KeyK") {
      event.preventDefault();
      kbdButton?.click();
      return;
    }
    if (!toolbar.hidden) {
      if (event.key === "Escape") {
        event.preventDefault();
        closeToolbar();
        return;
      }
      const typing = event.target.closest?.("textarea, input");
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && event.key.length === 1) {
        const button = toolbar.querySelector(`.cat-button[data-key="${event.key.toLowerCase()}"]`);
        if (button) {
          event.preventDefault();
          button.click();
        }
      }
    } else if (editor && !editor.hidden && event.key === "Escape") {
      event.preventDefault();
      closeEditor();
    }
  });

  setUpFind();
}

function setUpFind() {
  const form = document.getElementById("find-form");
  if (!form) return;
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
    openToolbar(selector, lastRect(range), { focus: true });
    result.textContent = `Found ${nth} of ${total}. Choose a category, or press Find again for the next one.`;
  });
}

// ---------------------------------------------------------------- start

enableConfirmForms();
setUpLinking();
if (editable) {
  setUpToolbar();
  setUpEditor();
  setUpSelection();
  retryButton.addEventListener("click", flushOutbox);
  window.addEventListener("online", flushOutbox);
  for (const item of outbox.all()) pending.set(item.key, { ...item, state: "queued" });
}
redraw();
if (pending.size) {
  setStatus("queued", `${pending.size} highlight${pending.size === 1 ? "" : "s"} from earlier not saved yet — sending now…`);
  flushOutbox();
  scheduleRetry();
}
page.dataset.ready = "true";

// Side by side: two articles, each in its own text container, one selection toolbar for both.
//
// A selection in either pane opens the toolbar; the span is saved to that pane's article (its
// annotation_create URL), kept in the same localStorage outbox as the reading view until the server
// answers, and drawn in that pane only. After a save the numbers ledger below is refreshed so the new
// number can be described and linked at once. Existing highlights are edited in the single-article
// view ("Open on its own"); here they are drawn and listed.

import { annotationsFromList, flashHighlight, renderHighlights } from "./highlights.js";
import { Outbox } from "./outbox.js";
import { PendingSaves } from "./pending-saves.js";
import { truncate } from "./panels.js";
import { send } from "./region.js";
import { SelectionToolbar } from "./selection-toolbar.js";
import { createStatus } from "./status.js";

const page = document.getElementById("compare-page");
const panes = [...document.querySelectorAll(".compare-pane")];
const rootOf = (pane) => pane.querySelector(".article-body");
const paneOf = new Map(panes.map((pane) => [rootOf(pane), pane]));
const paneFor = (articleId) => panes.find((p) => p.dataset.articleId === String(articleId));
const toolbarEl = document.getElementById("annotate-toolbar");
const editable = page.dataset.editable === "true" && toolbarEl !== null;
const outbox = new Outbox(page.dataset.submissionId);
const { setStatus, announce } = createStatus(page);

function drawPane(pane) {
  const saved = annotationsFromList(pane.querySelector("[data-pane-list]"));
  const waiting = saves
    .values()
    .filter((item) => item.articleId === pane.dataset.articleId)
    .map((item) => ({ ...item, id: `pending-${item.key}`, pending: true }));
  renderHighlights(rootOf(pane), [...saved, ...waiting]);
}

/** Rebuild a pane's list from the reading view's region (the server's truth for that article). */
function applyRegion(pane, region) {
  const fresh = region?.querySelector("#annotation-list");
  if (!fresh) return region;
  const list = pane.querySelector("[data-pane-list]");
  const items = [...fresh.querySelectorAll(":scope > li[data-id]")].map((source) => {
    const li = document.createElement("li");
    li.className = `pane-item cat-${source.dataset.category}`;
    li.id = `pane-annotation-${source.dataset.id}`;
    for (const name of ["id", "start", "end", "category", "updateUrl"]) li.dataset[name] = source.dataset[name] || "";
    const chip = source.querySelector(".chip");
    if (chip) li.append(document.adoptNode(chip), " ");
    const quote = document.createElement("q");
    quote.textContent = truncate(source.querySelector(".item-quote")?.textContent || "", 100);
    li.append(quote);
    return li;
  });
  if (!items.length) {
    const empty = document.createElement("li");
    empty.className = "muted pane-empty";
    empty.textContent = "No highlights here yet.";
    items.push(empty);
  }
  list.replaceChildren(...items);
  const count = pane.querySelector("[data-pane-count]");
  if (count) count.textContent = String(list.querySelectorAll("li[data-id]").length);
  drawPane(pane);
  return region;
}

// The ledger below is refreshed after a highlight is saved, so the new number can be described and
// linked at once. A newer swap of the ledger (a form the student sent meanwhile) wins over this refresh,
// and whatever the student has typed but not saved is carried over.
let ledgerSwaps = 0;
document.body.addEventListener("htmx:afterSwap", () => ledgerSwaps++);

async function refreshLedger() {
  const url = page.dataset.ledgerUrl;
  if (!url || !document.getElementById("ledger-region")) return;
  const before = ledgerSwaps;
  let response;
  try {
    response = await fetch(url, { headers: { "HX-Request": "true" }, credentials: "same-origin" });
  } catch {
    return;
  }
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), "text/html").getElementById("ledger-region");
  const current = document.getElementById("ledger-region");
  if (!fresh || !current || ledgerSwaps !== before) return;
  for (const field of current.querySelectorAll("input[type=text], textarea")) {
    const twin = field.id && fresh.querySelector(`#${CSS.escape(field.id)}`);
    if (twin && field.value !== field.defaultValue) twin.value = field.value;
  }
  for (const box of current.querySelectorAll("input[type=checkbox]:checked, input[type=radio]:checked")) {
    const twin = fresh.querySelector(`input[name="${box.name}"][value="${CSS.escape(box.value)}"]`);
    if (twin && !twin.disabled && box.closest("form")?.action === twin.closest("form")?.action) twin.checked = true;
  }
  const hadFocus = current.contains(document.activeElement) ? document.activeElement.id : null;
  current.replaceWith(document.adoptNode(fresh));
  window.htmx?.process(fresh);
  if (hadFocus) document.getElementById(hadFocus)?.focus();
}

const saves = new PendingSaves({
  outbox,
  setStatus,
  accepts: (item) => Boolean(paneFor(item.articleId)), // highlights for the articles shown here
  applyAnswer: (item, answer) => {
    const pane = paneFor(item.articleId);
    if (answer.fresh) applyRegion(pane, answer.fresh);
    else drawPane(pane);
  },
  saved: async (item, changes) => {
    const pane = paneFor(item.articleId);
    item.updateUrl = pane.querySelector(`li[data-id="${item.id}"]`)?.dataset.updateUrl || null;
    if (changes) await amend(item, changes);
    else setStatus("saved", `Saved in article ${pane.dataset.position}`);
    refreshLedger();
  },
  changed: (item) => drawPane(paneFor(item.articleId)),
});

function create({ selector, category, note, root }) {
  const pane = paneOf.get(root);
  return saves.create({ url: pane.dataset.createUrl, articleId: pane.dataset.articleId, ...selector, category, comment: note });
}

/** A change to a highlight made here: to the server if it has it, else into the waiting item (same key). */
async function amend(item, changes) {
  if (item.id && item.updateUrl) {
    const pane = paneFor(item.articleId);
    setStatus("saving", "Saving…");
    const answer = await send(item.updateUrl, changes);
    if (answer.fresh) applyRegion(pane, answer.fresh);
    if (answer.kind !== "ok") {
      item.error = `Not saved — ${answer.message}`;
      setStatus("error", item.error);
      return false;
    }
    Object.assign(item, changes);
    setStatus("saved", "Saved");
    if ("category" in changes) refreshLedger();
    return true;
  }
  return saves.amendWaiting(item, changes);
}

// A jump from the ledger or a claim card: /compare/3/4/?focus=<id>
function focusFromUrl() {
  const id = new URLSearchParams(window.location.search).get("focus");
  if (!id) return;
  for (const pane of panes) if (flashHighlight(rootOf(pane), id)) return;
}

for (const pane of panes) drawPane(pane);
if (editable) {
  const toolbar = new SelectionToolbar({ roots: panes.map(rootOf), toolbar: toolbarEl, announce, create, amend });
  toolbar.setUp();
  // Highlights made here or in the reading view and not yet saved: send the ones for these articles.
  saves.flush();
}
focusFromUrl();
page.dataset.ready = "true";

// Side by side: two articles, each in its own text container, one selection toolbar for both.
//
// A selection in either pane opens the toolbar; the span is saved to that pane's article (its
// annotation_create URL), kept in the same localStorage outbox as the reading view until the server has
// it (a note typed meanwhile too), and drawn in that pane only. After a save the pane's list is fetched
// again through htmx; the numbers ledger below fetches itself on the save's `highlights-changed` event
// (hx-trigger in _ledger_region.html), and claims.js carries over what was typed or ticked there. Existing highlights are edited in the
// single-article view ("Open on its own"); here they are drawn and listed.

import { annotationsFromList, flashHighlight, renderHighlights } from "./highlights.js";
import { Outbox } from "./outbox.js";
import { PendingSaves } from "./pending-saves.js";
import { SelectionToolbar } from "./selection-toolbar.js";
import { createStatus } from "./status.js";
import { send } from "./transport.js";
import { createWrites } from "./writes.js";

const page = document.getElementById("compare-page");
const panes = [...document.querySelectorAll(".compare-pane")];
const rootOf = (pane) => pane.querySelector(".article-body");
const paneOf = new Map(panes.map((pane) => [rootOf(pane), pane]));
const paneFor = (articleId) => panes.find((p) => p.dataset.articleId === String(articleId));
const toolbarEl = document.getElementById("annotate-toolbar");
const editable = page.dataset.editable === "true" && toolbarEl !== null;
const outbox = new Outbox(page.dataset.submissionId);
const { setStatus, announce, retryButton } = createStatus(page);

function drawPane(pane) {
  const saved = annotationsFromList(pane.querySelector("[data-pane-list]"));
  const waiting = saves
    .values()
    .filter((item) => item.articleId === pane.dataset.articleId)
    .map((item) => ({ ...item, id: `pending-${item.key}`, pending: true }));
  renderHighlights(rootOf(pane), [...saved, ...waiting]);
}

/** The pane's list again, from the server (htmx swaps it and its count), then its highlights. */
async function refreshPane(pane) {
  await send(pane.dataset.listUrl, {}, { method: "GET", source: pane, target: `#pane-list-${pane.dataset.side}`, swap: "outerHTML" });
  drawPane(pane);
}

const saves = new PendingSaves({
  outbox,
  source: page,
  setStatus,
  accepts: (item) => Boolean(paneFor(item.articleId)), // changes for the articles shown here
  saved: async (item) => {
    const pane = paneFor(item.articleId);
    if (pane) await refreshPane(pane);
    if (item.kind === "create") setStatus("saved", `Saved in article ${pane?.dataset.position}`);
  },
  changed: (item) => {
    const pane = paneFor(item.articleId);
    if (pane) drawPane(pane);
  },
});

function create({ selector, category, note, root }) {
  const pane = paneOf.get(root);
  return saves.create({ url: pane.dataset.createUrl, articleId: pane.dataset.articleId, ...selector, category, comment: note });
}

// A change to a highlight just made here (its category, its note): written once with the other pages (writes.js).
const { amend } = createWrites({ saves, articleId: null, setStatus });

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
  retryButton.addEventListener("click", () => saves.flush());
  window.addEventListener("online", () => saves.flush());
  saves.guardLeaving();
  // Changes made here or in the reading view and not yet saved: send the ones for these articles.
  saves.flush();
}
focusFromUrl();
page.dataset.ready = "true";

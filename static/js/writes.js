// Changing what is already on the page — a saved highlight (or key item), or one just made whose save may
// still be on its way — written once for the reading view and the key mode. Every change goes through the
// page's outbox (pending-saves.js), so nothing typed is lost; the status line says how it went, in the
// words of transport.js.

import { PendingSaves } from "./pending-saves.js";
import { notSaved } from "./transport.js";

/**
 * @param saves      the page's PendingSaves
 * @param articleId  the article shown (side by side shows two: each item then names its own, item.articleId)
 * @param setStatus  the page's status line
 */
export function createWrites({ saves, articleId, setStatus }) {
  let lastError = "";

  /** Send a change of a saved item ("update" or "delete"); resolves true once the server has it, else says why. */
  async function write(kind, { id, url, fields, article = articleId }, doneText) {
    const answer =
      kind === "delete"
        ? await saves.remove({ id, url, articleId: article })
        : await saves.update({ id, url, articleId: article, fields });
    if (answer.kind === "ok") {
      lastError = "";
      setStatus("saved", doneText);
      return true;
    }
    lastError = notSaved(answer.message);
    if (answer.kind === "refused" || answer.kind === "gone") setStatus("error", lastError);
    return false;
  }

  /**
   * Change an item just made from the toolbar, whether or not the server has it yet. While it waits (or is on
   * its way), the change goes into the waiting item: the next try carries it, with the same client key.
   */
  async function amend(item, changes) {
    if (item.id && item.urls?.update) {
      const target = { id: item.id, url: item.urls.update, fields: changes, article: item.articleId ?? articleId };
      const ok = await write("update", target, "Saved");
      if (ok) Object.assign(item, changes);
      else item.error = lastError;
      return ok;
    }
    return saves.amendWaiting(item, changes);
  }

  return { write, amend, failText: () => lastError };
}

/**
 * A page's outbox of changes, wired alike wherever highlights (or key items) are edited: the page redraws
 * after every change on the device and after every answer htmx swaps in for the page.
 * @param saved(item)  the server has a change; the page says so (it redraws afterwards by itself)
 * Returns the PendingSaves and its writes (createWrites).
 */
export function connectSaves({ page, outbox, articleId, setStatus, redraw, saved, noteName }) {
  const saves = new PendingSaves({
    outbox,
    source: page,
    setStatus,
    noteName,
    saved: (item) => {
      saved(item, saves);
      redraw();
    },
    changed: () => redraw(),
  });
  document.body.addEventListener("htmx:afterRequest", (event) => {
    if (event.detail.elt === page) redraw();
  });
  return { saves, ...createWrites({ saves, articleId, setStatus }) };
}

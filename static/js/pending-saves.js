// The on-device outbox: every change made on an article page — a new highlight (or key item), a change of
// category or note, a deletion, what a number counts — is written to localStorage first and stays there
// until the server has it: across navigation, reloads, logging out and going offline. This module only
// schedules: the sending itself is htmx's (transport.js), in order, through the page's hx-sync queue.
//
// A new highlight is sent with its outbox key as `client_key`: a retry after a lost answer is the same
// highlight (updated to the category and note sent last), never a second one. A change typed while the
// highlight is on its way rides along in the waiting item; typed after the server has it, it becomes a
// change of its own (kept, and retried) — so a comment typed right after choosing a category is never lost.
//
// Items: {key, kind: "create" | "update" | "delete", url, articleId, ...}. Stored items without a kind are
// new highlights (the outbox of earlier versions).

import { truncate } from "./panels.js";
import { failureLabel, notSaved, send, waitingMessage } from "./transport.js";

const RETRY_MS = 4000;

export const plural = (n) => (n === 1 ? "1 highlight is" : `${n} highlights are`);

function newKey() {
  return window.crypto?.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

const kindOf = (item) => item.kind || "create";

/** What the outbox keeps of an item (no in-memory state). */
function stored(item) {
  const { inFlight, state, error, sessionEnded, ...rest } = item;
  return rest;
}

export class PendingSaves {
  /**
   * @param outbox      an Outbox (localStorage), one per submission (or per lesson key)
   * @param source      the element whose hx-sync orders the sends
   * @param setStatus   the page's status line
   * @param noteName    the free-text field: "comment" (students) or "explanation" (the key)
   * @param accepts     which stored items this page sends (default: all)
   * @param saved(item, detail)   the server has it; `detail` is the highlights-changed event's
   * @param changed(item)         the waiting items changed: redraw
   */
  constructor({ outbox, source, setStatus, noteName = "comment", accepts = () => true, saved = () => {}, changed = () => {} }) {
    Object.assign(this, { outbox, source, setStatus, noteName, accepts, saved, changed });
    this.items = new Map(); // key → change not yet confirmed by the server
    this.timer = null;
    this.lastFailure = null; // the answer of the last send that did not get through
  }

  get size() {
    return this.items.size;
  }

  /** The new highlights still waiting (drawn as pending). */
  values() {
    return [...this.items.values()].filter((item) => kindOf(item) === "create");
  }

  /** Take in what the outbox holds (other tabs of this submission included). */
  restore() {
    for (const item of this.outbox.all()) {
      if (this.accepts(item) && !this.items.has(item.key)) this.items.set(item.key, { ...item, state: "queued" });
    }
  }

  /** How many changes are still waiting on this device (any tab). */
  waitingCount() {
    return new Set([...this.items.keys(), ...this.outbox.all().map((i) => i.key)]).size;
  }

  /** Send everything waiting, in the order it was made; resolves when all have answered. */
  async flush() {
    this.restore();
    if (!this.items.size && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
    await Promise.all([...this.items.values()].map((item) => this.send(item)));
  }

  keep(item) {
    this.items.set(item.key, item);
    this.outbox.put(stored(item));
  }

  forget(item) {
    this.items.delete(item.key);
    this.outbox.remove(item.key);
  }

  /** A new highlight: into the outbox first, then sent. `result`: "saved", "queued" or "failed". */
  create(fields) {
    const item = { key: newKey(), kind: "create", ...fields, state: "saving" };
    this.keep(item);
    this.changed(item);
    this.setStatus("saving", "Saving…");
    const result = this.send(item).then((answer) => (answer.kind === "ok" ? "saved" : this.items.has(item.key) ? "queued" : "failed"));
    return { item, result };
  }

  /** A change to a new highlight not confirmed yet: the waiting item carries it (same key). */
  amendWaiting(item, changes) {
    if (!this.items.has(item.key)) return false;
    Object.assign(item, changes);
    this.outbox.update(item.key, changes);
    this.changed(item);
    return true;
  }

  /**
   * A change to a saved highlight (category, note, what it counts): kept on the device, merged with a
   * change of the same highlight still waiting, then sent. Resolves with the answer.
   */
  update({ id, url, articleId, fields }) {
    const waiting = [...this.items.values()].find((i) => kindOf(i) === "update" && i.id === String(id) && i.url === url);
    const item = waiting && !waiting.inFlight ? waiting : { key: newKey(), kind: "update", id: String(id), url, articleId, fields: {} };
    item.fields = { ...item.fields, ...fields };
    this.keep(item);
    this.setStatus("saving", "Saving…");
    return this.send(item);
  }

  /** Delete a saved highlight: kept on the device until the server has done it. */
  remove({ id, url, articleId }) {
    for (const other of this.items.values()) {
      if (kindOf(other) === "update" && other.id === String(id) && !other.inFlight) this.forget(other);
    }
    const item = { key: newKey(), kind: "delete", id: String(id), url, articleId };
    this.keep(item);
    this.setStatus("saving", "Deleting…");
    return this.send(item);
  }

  fieldsOf(item) {
    if (kindOf(item) === "create") {
      const note = item[this.noteName] || "";
      return { category: item.category, [this.noteName]: note, start: item.start, end: item.end, exact: item.exact, client_key: item.key };
    }
    return kindOf(item) === "update" ? item.fields : {};
  }

  async send(item) {
    if (item.inFlight) return item.inFlight;
    item.inFlight = (async () => {
      const fields = { ...this.fieldsOf(item) };
      const answer = await send(item.url, fields, { source: this.source });
      if (answer.kind === "ok" || answer.kind === "refused" || answer.kind === "gone") this.forget(item);
      if (answer.kind === "ok") {
        item.state = "saved";
        item.error = "";
        if (kindOf(item) === "create") {
          item.id = String(answer.detail.id);
          item.urls = answer.detail.urls || {};
          this.followUp(item, fields);
        }
        await this.saved(item, answer.detail);
        return answer;
      }
      if (answer.kind === "refused" || answer.kind === "gone") {
        item.error = notSaved(answer.message);
        this.setStatus("error", notSaved(answer.message, item.exact ? truncate(item.exact, 40) : ""));
        this.changed(item);
        return answer;
      }
      this.queue(item, answer);
      return answer;
    })();
    try {
      return await item.inFlight;
    } finally {
      item.inFlight = null;
    }
  }

  /** What the student changed while the new highlight was on its way becomes a change of its own. */
  followUp(item, sent) {
    const changes = {};
    if (item.category !== sent.category) changes.category = item.category;
    if ((item[this.noteName] || "") !== sent[this.noteName]) changes[this.noteName] = item[this.noteName] || "";
    if (!Object.keys(changes).length || !item.urls.update) return;
    item.followUp = this.update({ id: item.id, url: item.urls.update, articleId: item.articleId, fields: changes });
  }

  queue(item, answer) {
    item.state = "queued";
    this.lastFailure = answer;
    if (this.items.has(item.key)) this.outbox.put(stored(item));
    item.sessionEnded = answer.kind === "session" || answer.kind === "stale";
    item.error = item.sessionEnded ? notSaved(answer.message) : failureLabel(answer.kind);
    this.changed(item);
    this.setStatus("queued", waitingMessage(answer, plural(this.size)));
    if (!this.timer) this.timer = setInterval(() => this.flush(), RETRY_MS);
  }

  /** Leaving the page with unsent work asks first; the next visit sends it anyway. */
  guardLeaving() {
    window.addEventListener("beforeunload", (event) => {
      if (!this.waitingCount()) return;
      event.preventDefault();
      event.returnValue = "";
    });
  }
}

// Highlights on their way to the server: created on the device first (a closed tab cannot lose them),
// sent with their outbox key as `client_key`, retried until the server answers. Shared by the reading
// view (annotate.js) and the side-by-side view (compare.js); each page says what a server answer means
// for its own list through the hooks.
//
// A retry after a lost answer carries the same key, so the server updates the highlight it already has
// (to the category and comment sent last) instead of adding a second one.

import { truncate } from "./panels.js";
import { send } from "./region.js";

const RETRY_MS = 4000;

export const plural = (n) => (n === 1 ? "1 highlight is" : `${n} highlights are`);

function newKey() {
  return window.crypto?.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

/** What the outbox keeps of an item (no in-memory state). */
function stored(item) {
  const { key, url, articleId, start, end, exact, category, comment } = item;
  return { key, url, articleId, start, end, exact, category, comment };
}

/** The fields that changed since `sent` went out (the student changed their mind meanwhile). */
function changedSince(item, sent) {
  const changes = {};
  if (item.category !== sent.category) changes.category = item.category;
  if ((item.comment || "") !== sent.comment) changes.comment = item.comment || "";
  return Object.keys(changes).length ? changes : null;
}

export class PendingSaves {
  /**
   * @param outbox      the submission's Outbox (localStorage)
   * @param setStatus   the page's status line
   * @param accepts     which stored items this page sends (default: all)
   * @param prepare     called before a send; its result is handed to applyAnswer (e.g. a sequence number)
   * @param applyAnswer(item, answer, prepared)  the server answered for good (saved or refused): show its list
   * @param saved(item, changes)  saved; `changes` were made while it was on its way (null if none)
   * @param changed(item)          the waiting items changed: redraw
   */
  constructor({ outbox, setStatus, accepts = () => true, prepare = () => null, applyAnswer, saved, changed }) {
    Object.assign(this, { outbox, setStatus, accepts, prepare, applyAnswer, saved, changed });
    this.items = new Map(); // key → highlight not yet confirmed by the server
    this.timer = null;
    this.lastFailure = null; // the answer of the last save that did not get through
  }

  get size() {
    return this.items.size;
  }

  values() {
    return [...this.items.values()];
  }

  has(key) {
    return this.items.has(key);
  }

  /** Take in what the outbox holds for this page (other tabs of this submission included). */
  restore() {
    for (const item of this.outbox.all()) {
      if (this.accepts(item) && !this.items.has(item.key)) this.items.set(item.key, { ...item, state: "queued" });
    }
  }

  /** How many highlights of this submission are still waiting, on this device (any tab). */
  waitingCount() {
    return new Set([...this.items.keys(), ...this.outbox.all().map((i) => i.key)]).size;
  }

  /** Send everything waiting; resolves when all have answered. */
  async flush() {
    this.restore();
    if (!this.items.size && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
    await Promise.all(this.values().map((item) => this.send(item)));
  }

  /** A new highlight: into the outbox first, then sent. `result` says how it ended: saved, queued or failed. */
  create(fields) {
    const item = { key: newKey(), ...fields, state: "saving" };
    this.items.set(item.key, item);
    this.outbox.put(stored(item));
    this.changed(item);
    this.setStatus("saving", "Saving…");
    const result = this.send(item).then((id) => (id ? "saved" : this.items.has(item.key) ? "queued" : "failed"));
    return { item, result };
  }

  /** A change to a highlight still waiting: the next try carries it, under the same key. */
  amendWaiting(item, changes) {
    if (!this.items.has(item.key)) return false;
    Object.assign(item, changes);
    this.outbox.update(item.key, changes);
    this.changed(item);
    return true;
  }

  async send(item) {
    if (item.inFlight) return item.inFlight;
    item.inFlight = (async () => {
      const prepared = this.prepare(item);
      const sent = { category: item.category, comment: item.comment || "" };
      let answer = await send(item.url, { ...sent, start: item.start, end: item.end, exact: item.exact, client_key: item.key });
      if (answer.kind === "ok" && !answer.fresh.dataset.createdId) {
        answer = { kind: "server", message: "the server sent an unexpected answer. Reload the page and try again." };
      }
      if (answer.kind === "ok" || answer.kind === "refused" || answer.kind === "gone") {
        this.items.delete(item.key);
        this.outbox.remove(item.key);
        this.applyAnswer(item, answer, prepared);
      }
      if (answer.kind === "ok") {
        item.id = answer.fresh.dataset.createdId;
        item.state = "saved";
        await this.saved(item, changedSince(item, sent));
        return item.id;
      }
      if (answer.kind === "refused" || answer.kind === "gone") {
        item.error = `Not saved — ${answer.message}`;
        this.setStatus("error", `Not saved: “${truncate(item.exact, 40)}” — ${answer.message}`);
        this.changed(item);
        return null;
      }
      return this.queue(item, answer);
    })();
    try {
      return await item.inFlight;
    } finally {
      item.inFlight = null;
    }
  }

  queue(item, answer) {
    item.state = "queued";
    this.lastFailure = answer;
    this.outbox.put(stored(item));
    item.sessionEnded = answer.kind === "session";
    item.error = item.sessionEnded ? `Not saved — ${answer.message}` : "Not saved yet — will retry";
    this.changed(item);
    const what = plural(this.items.size);
    const texts = {
      session: `Not saved — ${answer.message} (${what} waiting on this device.)`,
      network: `Not saved yet — the connection was lost. Retrying: ${what} kept on this device and will be sent when the connection is back.`,
      server: `Not saved yet — ${answer.message} Retrying: ${what} kept on this device.`,
    };
    this.setStatus("queued", texts[answer.kind] || texts.server);
    if (!this.timer) this.timer = setInterval(() => this.flush(), RETRY_MS);
    return null;
  }
}

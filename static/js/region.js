// Talking to the server about the list region (#annotation-region): the one source of truth the
// reading view and the key mode redraw their highlights from. Every write answers with the region
// as a fragment (400 with [data-errors] when refused); answers are applied in order, so a slow old
// answer never replaces a newer one.
//
// What counts as "saved": a 200 that carries the region. Anything else is a failure the page must
// say out loud and must not lose: a 401 (the session ended: the server says what to do), a fetch
// that was redirected (to the login page), a 403 (the page's CSRF token is stale after a new login),
// a 5xx, a lost connection, or a 200 without the region (some other page answered).

export const SESSION_ENDED =
  "Your session has ended. Log in again in another tab, then reload this page: unsaved highlights are kept.";
const STALE_PAGE =
  "This page is out of date (you may have logged in again elsewhere). Reload the page: unsaved highlights are kept.";
const UNEXPECTED = "the server sent an unexpected answer. Reload the page and try again.";

export function csrfToken() {
  const field = document.querySelector("[name=csrfmiddlewaretoken]");
  if (field) return field.value;
  try {
    return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"];
  } catch {
    return "";
  }
}

export async function post(url, fields) {
  return fetch(url, {
    method: "POST",
    body: new URLSearchParams(fields),
    credentials: "same-origin",
    headers: { "X-CSRFToken": csrfToken(), "HX-Request": "true" },
  });
}

export function parseRegion(html) {
  return new DOMParser().parseFromString(html, "text/html").getElementById("annotation-region");
}

export function errorText(fresh, fallback) {
  return fresh?.querySelector("[data-errors]")?.textContent.trim().replace(/\s+/g, " ") || fallback;
}

/** A message with a full stop at its end, whatever the server sent. */
function sentence(text) {
  const t = text.trim().replace(/\s+/g, " ");
  return /[.!?:]$/.test(t) ? t : `${t}.`;
}

/**
 * What a write's answer means, read once. `response` null = the request never got an answer.
 *   {kind: "ok", fresh}                 saved; `fresh` is the server's region
 *   {kind: "refused", fresh, message}   400: the server said no (the region says why)
 *   {kind: "session", message}          logged out / stale page: keep the work, log in, reload
 *   {kind: "gone", message}             404: not this student's any more
 *   {kind: "server" | "network", message}  try again later
 * `message` completes "Not saved — …".
 */
export async function readAnswer(response) {
  if (!response) return { kind: "network", message: "the connection was lost. Check your connection and try again." };
  if (response.status === 401) {
    let text = "";
    try {
      text = await response.text();
    } catch {
      // the message is optional
    }
    const plain = text && !/^\s*</.test(text) ? text : SESSION_ENDED;
    return { kind: "session", message: sentence(plain) };
  }
  if (response.redirected || response.type === "opaqueredirect") return { kind: "session", message: SESSION_ENDED };
  if (response.status === 403) return { kind: "session", message: STALE_PAGE };
  if (response.status === 404) return { kind: "gone", message: "this assignment is no longer open to you." };
  if (response.ok || response.status === 400) {
    let fresh = null;
    try {
      fresh = parseRegion(await response.text());
    } catch {
      fresh = null;
    }
    if (!fresh) return { kind: "server", message: UNEXPECTED };
    if (response.ok) return { kind: "ok", fresh };
    return { kind: "refused", fresh, message: sentence(errorText(fresh, "the server refused it")) };
  }
  return { kind: "server", message: `the server had a problem (error ${response.status}). Try again in a moment.` };
}

/** POST and read the answer; a lost connection is an answer too. */
export async function send(url, fields) {
  let response = null;
  try {
    response = await post(url, fields);
  } catch {
    response = null;
  }
  return readAnswer(response);
}

export const regionEl = () => document.getElementById("annotation-region");
export const listEl = () => document.getElementById("annotation-list");

export class RegionSync {
  /** articleId: whose count in the lesson steps follows the region; onApplied: redraw after a swap. */
  constructor({ articleId, onApplied, setStatus }) {
    this.articleId = articleId;
    this.onApplied = onApplied;
    this.setStatus = setStatus;
    this.applied = 0;
    this.issued = 0;
    this.lastError = "";
  }

  nextSeq() {
    return ++this.issued;
  }

  /** Swap in the server's region (unless a newer answer was already shown) and redraw. */
  apply(fresh, seq) {
    if (!fresh || seq < this.applied) return;
    this.applied = seq;
    regionEl().replaceWith(document.adoptNode(fresh));
    const count = document.querySelector(`[data-article-count-for="${this.articleId}"]`);
    if (count?.firstChild) {
      count.firstChild.nodeValue = fresh.dataset.articleCount;
      count.classList.toggle("is-zero", fresh.dataset.articleCount === "0");
    }
    this.onApplied();
  }

  /**
   * POST a change, apply the answer, say how it went. Resolves true only when the server accepted it;
   * otherwise `lastError` holds what went wrong ("Not saved — …"), and the caller keeps the edit open.
   */
  async write(url, fields, doneText) {
    const seq = this.nextSeq();
    this.setStatus("saving", "Saving…");
    const answer = await send(url, fields);
    if (answer.fresh) this.apply(answer.fresh, seq);
    if (answer.kind === "ok") {
      this.lastError = "";
      this.setStatus("saved", doneText);
      return true;
    }
    this.lastError = `Not saved — ${answer.message}`;
    this.setStatus("error", this.lastError);
    return false;
  }
}

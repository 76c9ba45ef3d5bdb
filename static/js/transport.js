// Talking to the server, for every page: htmx carries the request (CSRF header from <body hx-headers>,
// HX-Request, hx-sync on the source element), the server's fragments swap themselves out of band, and
// this module reads the answer once and words every failure the same way everywhere.
//
// A write is "done" only when the server says so: a 200 carrying the `highlights-changed` client event
// (HX-Trigger). Anything else is a failure the page must say out loud and must not lose:
//   network  — no answer (offline, the connection dropped)
//   session  — 401 (logged out: the server says what to do), or a redirect to the login page
//   stale    — 403 (the page's CSRF token is out of date after a new login)
//   gone     — 404 (not yours any more)
//   refused  — 400: the server said no, and why (the `write-refused` event carries the reasons)
//   server   — 5xx, or a 200 from some other page (not an answer to this write)

export const CHANGED_EVENT = "highlights-changed";
const REFUSED_EVENT = "write-refused";

const MESSAGES = {
  network: "the connection was lost. Check your connection and try again.",
  session: "Your session has ended. Log in again in another tab, then reload this page: nothing you typed is lost.",
  stale: "This page is out of date (you may have logged in again elsewhere). Reload the page: nothing you typed is lost.",
  gone: "this is no longer open to you.",
  unexpected: "the server sent an unexpected answer. Reload the page and try again.",
};

/** A message with a full stop at its end, whatever the server sent. */
function sentence(text) {
  const t = String(text).trim().replace(/\s+/g, " ");
  return /[.!?:]$/.test(t) ? t : `${t}.`;
}

/** The one wording of a failure; completes "Not saved — …". */
export function failureMessage(kind, { status = 0, text = "" } = {}) {
  if (kind === "server" && status >= 500) return `the server had a problem (error ${status}). Try again in a moment.`;
  if (kind === "server") return MESSAGES.unexpected;
  if (kind === "session" && text && !/^\s*</.test(text)) return sentence(text);
  return MESSAGES[kind] || MESSAGES.unexpected;
}

/** A change that failed, said in full: "Not saved — <why>" (the why from failureMessage or readAnswer), or
 * of one item named by its words: "Not saved: “<quote>” — <why>". */
export function notSaved(message, quote = "") {
  return quote ? `Not saved: “${quote}” — ${message}` : `Not saved — ${message}`;
}

/** The why of notSaved's line, without its "Not saved — ". */
export function notSavedReason(line) {
  return String(line || "").replace(/^Not saved — /, "");
}

/** A key item the server did not add, named by its words. */
export function notAddedToKey(quote, reason) {
  return `Not added to the key: “${quote}” — ${reason}`;
}

// The short label beside a change that has not reached the server (in the list, in the toolbar), by why:
// kept on the device and sent again (network, server), waiting for a new login (session, stale), or not
// kept (failed: the person chooses again).
const LABELS = {
  network: "Not saved yet — will retry",
  server: "Not saved yet — will retry",
  session: "Not saved — log in again, then reload",
  stale: "Not saved — log in again, then reload",
  failed: "Not saved — try again.",
  "delete-failed": "Not deleted — try again.",
};

/** The short label of a failure of `kind` (a kind of readAnswer's, "failed" or "delete-failed"). */
export function failureLabel(kind) {
  return LABELS[kind] || LABELS.failed;
}

/** The status line after a send failed and its changes were kept on the device: `answer` from readAnswer,
 * `what` how much waits ("2 highlights"). */
export function waitingMessage(answer, what) {
  if (answer.kind === "session" || answer.kind === "stale") return `${notSaved(answer.message)} (${what} waiting on this device.)`;
  if (answer.kind === "network")
    return `Not saved yet — the connection was lost. Retrying: ${what} kept on this device and will be sent when the connection is back.`;
  return `Not saved yet — ${answer.message} Retrying: ${what} kept on this device.`;
}

/** Why submitting stopped: `count` highlights have not reached the server; `failure`, the last answer. */
export function notSubmittedMessage(count, failure) {
  const why = failure?.kind === "session" ? ` ${failure.message}` : "";
  return `${count === 1 ? "1 highlight is" : `${count} highlights are`} not saved yet — check your connection, then submit.${why}`;
}

function events(xhr) {
  try {
    return JSON.parse(xhr.getResponseHeader("HX-Trigger") || "{}");
  } catch {
    return {};
  }
}

function redirectedToLogin(xhr, url) {
  if (!xhr.responseURL) return false;
  const asked = new URL(url, location.href).pathname;
  const answered = new URL(xhr.responseURL).pathname;
  return asked !== answered && /\/login\//.test(answered);
}

/** What an answer means: {kind, message, detail}. `xhr` null or status 0: no answer at all.
 * A read (GET) is fine with any 200 of its own URL; a write needs the server's event. */
export function readAnswer(xhr, url, { write = true } = {}) {
  if (!xhr || xhr.status === 0) return { kind: "network", message: failureMessage("network") };
  if (xhr.status === 401) return { kind: "session", message: failureMessage("session", { text: xhr.responseText }) };
  if (redirectedToLogin(xhr, url)) return { kind: "session", message: failureMessage("session") };
  if (xhr.status === 403) return { kind: "stale", message: failureMessage("stale") };
  if (xhr.status === 404) return { kind: "gone", message: failureMessage("gone") };
  const fired = events(xhr);
  if (xhr.status === 400 && fired[REFUSED_EVENT]) {
    const reasons = fired[REFUSED_EVENT].messages || [];
    return { kind: "refused", message: sentence(reasons.join(" ") || "the server refused it") };
  }
  if (xhr.status === 200 && (fired[CHANGED_EVENT] || !write)) return { kind: "ok", message: "", detail: fired[CHANGED_EVENT] };
  return { kind: "server", message: failureMessage("server", { status: xhr.status }) };
}

let counter = 0;

/**
 * Send a write (or a read) through htmx and resolve with its answer, never reject. `source` is the element
 * the request belongs to: its hx-sync orders the requests (the article page queues its writes, so answers
 * arrive in the order the changes were made), and the server's out-of-band fragments are swapped by htmx.
 */
export function send(url, fields = {}, { source = document.body, method = "POST", target = null, swap = "none" } = {}) {
  const tag = `w${++counter}`;
  return new Promise((resolve) => {
    const done = (event) => {
      if (event.detail?.requestConfig?.headers?.["X-Crosscheck-Send"] !== tag) return;
      document.body.removeEventListener("htmx:afterRequest", done);
      resolve(readAnswer(event.detail.xhr, url, { write: method !== "GET" }));
    };
    document.body.addEventListener("htmx:afterRequest", done);
    const context = { source, values: fields, swap, headers: { "X-Crosscheck-Send": tag } };
    if (target) context.target = target;
    Promise.resolve()
      .then(() => window.htmx.ajax(method, url, context))
      .catch(() => {
        // htmx rejects on a lost connection; htmx:afterRequest has (or will have) said so.
      });
  });
}

// The numbers ledger: keep the reader's place when htmx swaps the ledger region after a save.
// Without JavaScript every form posts and the page comes back (Post/Redirect/Get).

let lastFocusId = null;

document.body.addEventListener("htmx:beforeRequest", (event) => {
  if (!event.target.closest?.("#ledger-region")) return;
  lastFocusId = document.activeElement?.id || null;
});

document.body.addEventListener("htmx:afterSwap", (event) => {
  const region = document.getElementById("ledger-region");
  if (!region || !(event.target === region || event.target.contains?.(region) || !event.target.isConnected)) return;
  const error = region.querySelector("[data-errors]");
  const again = lastFocusId && document.getElementById(lastFocusId);
  if (error) {
    error.setAttribute("tabindex", "-1");
    error.focus();
  } else if (again) {
    again.focus();
  } else {
    document.getElementById("ledger-status")?.focus();
  }
  lastFocusId = null;
  document.dispatchEvent(new CustomEvent("crosscheck:ledger-updated"));
});

// Saving safely: a form in the ledger or on a claim card is only "saved" when the server answered with
// the fragment it replaces. A 401 (the session ended), a lost connection, a server error or an answer
// from another page (the login page after a redirect) changes nothing on the page: what the student
// typed stays in the form, and the form says why it was not saved.
const SESSION_ENDED =
  "Your session has ended. Log in again in another tab, then reload this page: what you typed is still in the form.";

function sayNotSaved(form, text) {
  if (!form) return;
  let line = form.querySelector("[data-form-problem]");
  if (!line) {
    line = document.createElement("p");
    line.className = "form-error form-problem";
    line.setAttribute("role", "alert");
    line.dataset.formProblem = "";
    form.prepend(line);
  }
  line.textContent = `Not saved — ${text}`;
  const status = document.getElementById("ledger-status");
  if (status && form.closest("#ledger-region")) status.textContent = `Not saved — ${text}`;
}

function formOf(event) {
  const elt = event.detail?.elt || event.target;
  return elt?.closest?.("form") || null;
}

document.body.addEventListener("htmx:beforeRequest", (event) => {
  formOf(event)?.querySelector("[data-form-problem]")?.remove();
});

document.body.addEventListener("htmx:beforeSwap", (event) => {
  const { xhr, target } = event.detail;
  if (!xhr || xhr.status >= 400 || !target?.id) return;
  const redirectedToLogin = /\/accounts\/login\/|\/login\//.test(new URL(xhr.responseURL || location.href).pathname);
  const carriesTarget = (xhr.responseText || "").includes(`id="${target.id}"`);
  if (redirectedToLogin || !carriesTarget) {
    event.detail.shouldSwap = false;
    sayNotSaved(formOf(event), redirectedToLogin ? SESSION_ENDED : "the server sent an unexpected answer. Reload the page and try again.");
  }
});

document.body.addEventListener("htmx:responseError", (event) => {
  const { xhr } = event.detail;
  const message =
    xhr.status === 401
      ? (xhr.responseText || "").trim() || SESSION_ENDED
      : xhr.status === 403
        ? "this page is out of date (you may have logged in again elsewhere). Reload the page and try again."
        : `the server had a problem (error ${xhr.status}). Try again in a moment.`;
  sayNotSaved(formOf(event), message);
});

document.body.addEventListener("htmx:sendError", (event) => {
  sayNotSaved(formOf(event), "the connection was lost. Check your connection and try again.");
});

// The numbers ledger: keep the reader's place, and what they typed or ticked, when htmx swaps the ledger
// region (after a save, or a refresh when a highlight is saved on the side-by-side page).
// Without JavaScript every form posts and the page comes back (Post/Redirect/Get).

import { failureMessage, notSaved } from "./transport.js";

let lastFocusId = null;
let carried = null;

/** The form a request came from (a refresh of the region itself has none). */
function formOf(event) {
  const elt = event.detail?.elt || event.target;
  return elt?.closest?.("form") || null;
}

// What the reader has typed or ticked in the region and not sent is carried into the region that replaces it,
// read at the moment of the swap (not when the request left: a box ticked while a refresh was on its way
// counts). The form that was sent is left as the server answered it.
document.body.addEventListener("htmx:beforeSwap", (event) => {
  const region = document.getElementById("ledger-region");
  if (!region || event.detail.target !== region || event.detail.shouldSwap === false) return;
  const sent = formOf(event);
  const mine = (field) => !sent || !sent.contains(field);
  carried = {
    typed: [...region.querySelectorAll("input[type=text], textarea")]
      .filter((field) => field.id && field.value !== field.defaultValue && mine(field))
      .map((field) => [field.id, field.value]),
    ticked: [...region.querySelectorAll("input[type=checkbox], input[type=radio]")]
      .filter((box) => box.checked !== box.defaultChecked && mine(box))
      .map((box) => [box.name, box.value, box.checked, box.closest("form")?.getAttribute("action")]),
  };
});

function carryOver(region) {
  if (!carried) return;
  for (const [id, value] of carried.typed) {
    const twin = document.getElementById(id);
    if (twin && region.contains(twin)) twin.value = value;
  }
  for (const [name, value, checked, action] of carried.ticked) {
    const twin = region.querySelector(`input[name="${CSS.escape(name)}"][value="${CSS.escape(value)}"]`);
    if (twin && !twin.disabled && twin.closest("form")?.getAttribute("action") === action) twin.checked = checked;
  }
  carried = null;
}

document.body.addEventListener("htmx:beforeRequest", (event) => {
  if (!event.target.closest?.("#ledger-region")) return;
  lastFocusId = document.activeElement?.id || null;
});

document.body.addEventListener("htmx:afterSwap", (event) => {
  const region = document.getElementById("ledger-region");
  if (!region || !(event.target === region || event.target.contains?.(region) || !event.target.isConnected)) return;
  carryOver(region);
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
// typed stays in the form, and the form says why it was not saved — in the words of transport.js.

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
  line.textContent = notSaved(text);
  const status = document.getElementById("ledger-status");
  if (status && form.closest("#ledger-region")) status.textContent = notSaved(text);
}

document.body.addEventListener("htmx:beforeRequest", (event) => {
  formOf(event)?.querySelector("[data-form-problem]")?.remove();
});

document.body.addEventListener("htmx:beforeSwap", (event) => {
  const { xhr, target } = event.detail;
  if (!formOf(event) || !xhr || xhr.status >= 400 || !target?.id) return; // the ledger's own forms only
  const redirectedToLogin = /\/accounts\/login\/|\/login\//.test(new URL(xhr.responseURL || location.href).pathname);
  const carriesTarget = (xhr.responseText || "").includes(`id="${target.id}"`);
  if (redirectedToLogin || !carriesTarget) {
    event.detail.shouldSwap = false;
    sayNotSaved(formOf(event), failureMessage(redirectedToLogin ? "session" : "server"));
  }
});

document.body.addEventListener("htmx:responseError", (event) => {
  const { xhr } = event.detail;
  const kind = { 401: "session", 403: "stale", 404: "gone" }[xhr.status] || "server";
  sayNotSaved(formOf(event), failureMessage(kind, { status: xhr.status, text: xhr.responseText || "" }));
});

document.body.addEventListener("htmx:sendError", (event) => {
  sayNotSaved(formOf(event), failureMessage("network"));
});

// The teacher's review: the student's highlights drawn read-only, linked both ways with the list,
// marks saved at once through htmx (the form posts without JavaScript too).

import { enableConfirmForms } from "./confirm.js";
import { annotationsFromList, flashHighlight, innermostId, renderHighlights, smoothOrInstant } from "./highlights.js";
import { failureMessage, notSaved, readAnswer } from "./transport.js";

const page = document.getElementById("annotate-page");
const root = document.getElementById("article-text");
const list = () => document.getElementById("annotation-list");

renderHighlights(root, annotationsFromList(list()));
enableConfirmForms();

root.addEventListener("click", (event) => {
  const mark = event.target.closest("mark.hl");
  if (!mark || !window.getSelection().isCollapsed) return;
  const id = innermostId(mark, annotationsFromList(list()));
  const li = id && list()?.querySelector(`li[data-id="${id}"]`);
  if (!li) return;
  li.scrollIntoView({ block: "nearest", behavior: smoothOrInstant() });
  li.classList.remove("is-flash");
  void li.offsetWidth;
  li.classList.add("is-flash");
  li.focus({ preventScroll: true });
});

document.addEventListener("click", (event) => {
  const li = event.target.closest("#annotation-list > li[data-id]");
  if (!li || event.target.closest("button, a, form, textarea, input, label")) return;
  flashHighlight(root, li.dataset.id);
});

document.addEventListener("keydown", (event) => {
  const li = event.target.closest?.("#annotation-list > li[data-id]");
  if (li && event.target === li && (event.key === "Enter" || event.key === " ")) {
    event.preventDefault();
    flashHighlight(root, li.dataset.id);
  }
});

// Visible saving state for each mark form.
document.addEventListener("htmx:beforeRequest", (event) => {
  const state = event.target.closest("li")?.querySelector(".save-state");
  if (state) {
    state.classList.remove("is-error");
    state.textContent = "Saving…";
  }
});
// A mark is only "saved" when the server answered with the entry; a 401 (the session ended) or a lost
// connection leaves the form as it is, with what was typed, and says why — in transport.js's words, the
// same as every other page's.
function sayNotSaved(event, text) {
  const state = event.target.closest("li")?.querySelector(".save-state");
  if (state) {
    state.classList.add("is-error");
    state.textContent = notSaved(text);
  }
}
document.addEventListener("htmx:sendError", (event) => sayNotSaved(event, failureMessage("network")));
document.addEventListener("htmx:responseError", (event) => {
  const { xhr } = event.detail;
  sayNotSaved(event, readAnswer(xhr, event.detail.pathInfo?.requestPath || xhr.responseURL).message);
});
document.addEventListener("htmx:beforeSwap", (event) => {
  const { xhr, target } = event.detail;
  if (!xhr || xhr.status >= 400 || !target?.matches?.("li")) return;
  if (!(xhr.responseText || "").includes("data-id=")) {
    event.detail.shouldSwap = false;
    sayNotSaved(event, failureMessage("server", { status: xhr.status }));
  }
});
page.dataset.ready = "true";

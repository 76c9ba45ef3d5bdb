// The student's feedback view: draws their highlights and the key items they missed on the text,
// and explains a passage when it is clicked or focused (the same words a screen reader gets through
// aria-describedby). The text itself is never changed: marks only wrap it.

import { flashHighlight, marksFor, renderHighlights } from "./highlights.js";

const page = document.getElementById("feedback-page");
const root = document.getElementById("article-text");
const note = document.getElementById("text-note");
const data = JSON.parse(document.getElementById("feedback-data").textContent);
const spans = [...data.highlights, ...data.missed];
const lengths = new Map(spans.map((s) => [s.id, s.end - s.start]));

renderHighlights(root, spans);

// One tab stop per highlight or missed item: its first piece.
for (const span of spans) {
  const marks = marksFor(root, span.id);
  if (!marks.length) continue;
  marks[0].tabIndex = 0;
  marks[0].dataset.focusFor = span.id;
  if (document.getElementById(`desc-${span.id}`)) marks[0].setAttribute("aria-describedby", `desc-${span.id}`);
}

/** The item a piece of text stands for: a missed key item first, else the shortest highlight. */
function itemOf(mark) {
  const ids = (mark.dataset.annotationIds || "").split(" ").filter(Boolean);
  const missed = ids.filter((id) => id.startsWith("k"));
  const pool = missed.length ? missed : ids;
  pool.sort((a, b) => lengths.get(a) - lengths.get(b));
  return pool[0] || null;
}

function listEntry(id) {
  return page.querySelector(`.fb-item[data-target="${id}"]`);
}

function explain(id, mark) {
  const desc = document.getElementById(`desc-${id}`);
  if (!desc) return;
  for (const m of root.querySelectorAll("mark.is-active")) m.classList.remove("is-active");
  for (const entry of page.querySelectorAll(".fb-item.is-active")) entry.classList.remove("is-active");
  for (const m of marksFor(root, id)) m.classList.add("is-active");
  listEntry(id)?.classList.add("is-active");
  note.textContent = desc.textContent;
  note.dataset.kind = desc.dataset.kind;
  note.hidden = false;
  const box = mark.getBoundingClientRect();
  const width = Math.min(360, window.innerWidth - 16);
  note.style.width = `${width}px`;
  note.style.left = `${Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + window.innerWidth - width - 8))}px`;
  note.style.top = `${box.bottom + window.scrollY + 8}px`;
}

function hide() {
  note.hidden = true;
  for (const m of root.querySelectorAll("mark.is-active")) m.classList.remove("is-active");
  for (const entry of page.querySelectorAll(".fb-item.is-active")) entry.classList.remove("is-active");
}

root.addEventListener("click", (event) => {
  const mark = event.target.closest("mark.hl");
  if (!mark) return hide();
  const id = itemOf(mark);
  if (id) explain(id, mark);
});
root.addEventListener("focusin", (event) => {
  const mark = event.target.closest("mark.hl[data-focus-for]");
  if (mark) explain(mark.dataset.focusFor, mark);
});
root.addEventListener("focusout", (event) => {
  if (!root.contains(event.relatedTarget)) hide();
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !note.hidden) hide();
});

for (const button of page.querySelectorAll("[data-show]")) {
  button.addEventListener("click", () => {
    const id = button.dataset.show;
    if (!flashHighlight(root, id)) return;
    const first = marksFor(root, id)[0];
    first.focus({ preventScroll: true });
  });
}

page.dataset.ready = "true";

// The class on the text: shades each passage by the share of the class that highlighted it and
// outlines the key items. A passage says how many students marked it when hovered or focused (the
// tooltip for eyes, aria-describedby for screen readers). Marks only wrap the text; it is never changed.

import { renderHighlights } from "./highlights.js";

const page = document.getElementById("heatmap-page");
const root = document.getElementById("article-text");
const tip = document.getElementById("heat-tip");
// Passages come as rows [id, start, end, level, label index] with each label sent once.
const heat = JSON.parse(document.getElementById("heat-passages").textContent);
const passages = heat.passages.map(([id, start, end, level, label]) => ({ id, start, end, level, label }));
const labelOf = new Map(passages.map((p) => [`p${p.id}`, heat.labels[p.label]]));
const keyItems = JSON.parse(document.getElementById("heat-key").textContent);

// One hidden description per label (passages with the same figures share it), for aria-describedby.
const descriptions = document.getElementById("heat-descriptions");
heat.labels.forEach((text, n) => {
  const p = document.createElement("p");
  p.id = `pd-${n}`;
  p.textContent = text;
  descriptions.append(p);
});

renderHighlights(root, [
  ...passages.map((p) => ({ id: `p${p.id}`, start: p.start, end: p.end, category: `heat-${p.level}` })),
  ...keyItems.map((k) => ({ id: `k${k.id}`, start: k.start, end: k.end, category: "key" })),
]);

// Every id's marks in one pass over the marks (asking for each id's marks in turn went over all the
// marks once per passage: thousands of times for a large class).
const marksOf = new Map();
for (const mark of root.querySelectorAll("mark.hl")) {
  mark.classList.add("heat");
  for (const id of mark.dataset.annotationIds.split(" ")) {
    if (!marksOf.has(id)) marksOf.set(id, []);
    marksOf.get(id).push(mark);
  }
}
// One tab stop per passage, and per key item nobody highlighted (so every outline can be reached).
for (const p of passages) {
  const marks = marksOf.get(`p${p.id}`);
  if (!marks) continue;
  marks[0].tabIndex = 0;
  marks[0].setAttribute("aria-describedby", `pd-${p.label}`);
}
for (const k of keyItems) {
  const marks = marksOf.get(`k${k.id}`);
  if (marks && !marks.some((m) => m.tabIndex === 0)) {
    marks[0].tabIndex = 0;
    marks[0].setAttribute("aria-describedby", `kd-${k.id}`);
  }
}

function describe(mark) {
  const ids = mark.dataset.annotationIds.split(" ");
  const parts = [];
  const passage = ids.find((id) => id.startsWith("p"));
  parts.push(passage ? labelOf.get(passage) : "Nobody highlighted this");
  const key = ids.find((id) => id.startsWith("k"));
  if (key) parts.push(`In your key (${keyItems.find((k) => `k${k.id}` === key).category})`);
  return parts.join(" · ");
}

function show(mark) {
  tip.textContent = describe(mark);
  tip.hidden = false;
  const box = mark.getBoundingClientRect();
  const width = tip.offsetWidth;
  const left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
  tip.style.left = `${left}px`;
  tip.style.top = `${box.top + window.scrollY - tip.offsetHeight - 6}px`;
}

function hide() {
  tip.hidden = true;
}

root.addEventListener("mouseover", (event) => {
  const mark = event.target.closest("mark.heat");
  if (mark) show(mark);
});
root.addEventListener("mouseout", (event) => {
  if (event.relatedTarget?.closest?.("mark.heat")) return;
  // Leaving with the mouse (or the page scrolling under it) gives the tip back to the focused passage.
  const focused = document.activeElement;
  if (focused?.matches?.("#article-text mark.heat")) show(focused);
  else hide();
});
root.addEventListener("focusin", (event) => {
  const mark = event.target.closest("mark.heat");
  if (mark) show(mark);
});
root.addEventListener("focusout", hide);
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") hide();
});

page.dataset.ready = "true";

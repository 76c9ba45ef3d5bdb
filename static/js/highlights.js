// Draws annotations into an article container as <mark> elements without changing its
// textContent: text nodes are only split and wrapped, never edited or added to.
// Each <mark> covers a piece of text where the same set of annotations applies, so
// overlapping highlights compose: every category draws on its own channel (background,
// wavy underline, dashed box) and a piece covered by two shows both.

import { cpLength, textNodes, utf16Index } from "./textpos.js";

const BLOCK_PARENTS = new Set(["UL", "OL", "BLOCKQUOTE", "DIV", "SECTION", "ARTICLE"]);

export function clearHighlights(root) {
  for (const mark of root.querySelectorAll("mark.hl")) mark.replaceWith(...mark.childNodes);
  root.normalize();
}

/** annotations: [{id, start, end, category, pending?}] in code points. */
export function renderHighlights(root, annotations) {
  clearHighlights(root);
  if (!annotations.length) return;
  let pos = 0;
  for (const node of textNodes(root)) {
    const data = node.data;
    const nodeStart = pos;
    const nodeEnd = pos + cpLength(data);
    pos = nodeEnd;
    const covering = annotations.filter((a) => a.start < nodeEnd && a.end > nodeStart);
    if (!covering.length) continue;
    // Whitespace between blocks must stay unwrapped or it would take up a line.
    if (!data.trim() && BLOCK_PARENTS.has(node.parentNode.nodeName)) continue;
    const cuts = new Set([nodeStart, nodeEnd]);
    for (const a of covering) {
      if (a.start > nodeStart) cuts.add(a.start);
      if (a.end < nodeEnd) cuts.add(a.end);
    }
    const points = [...cuts].sort((x, y) => x - y);
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < points.length - 1; i++) {
      const segStart = points[i];
      const segEnd = points[i + 1];
      const text = data.slice(utf16Index(data, segStart - nodeStart), utf16Index(data, segEnd - nodeStart));
      const here = covering.filter((a) => a.start <= segStart && a.end >= segEnd);
      if (!here.length) {
        fragment.append(document.createTextNode(text));
        continue;
      }
      const mark = document.createElement("mark");
      mark.className = "hl";
      for (const a of here) {
        mark.classList.add(`hl-${a.category}`);
        if (a.start === segStart) mark.classList.add(`hl-start-${a.category}`);
        if (a.end === segEnd) mark.classList.add(`hl-end-${a.category}`);
        if (a.pending) mark.classList.add("hl-pending");
      }
      mark.dataset.annotationIds = here.map((a) => a.id).join(" ");
      mark.textContent = text;
      fragment.append(mark);
    }
    node.replaceWith(fragment);
  }
}

export function marksFor(root, id) {
  return [...root.querySelectorAll("mark.hl")].filter((m) => m.dataset.annotationIds.split(" ").includes(String(id)));
}

/** Scroll the first piece of an annotation into view and flash all its pieces. */
export function flashHighlight(root, id, { scroll = true } = {}) {
  const marks = marksFor(root, id);
  if (!marks.length) return false;
  if (scroll) marks[0].scrollIntoView({ block: "center", behavior: smoothOrInstant() });
  for (const m of marks) {
    m.classList.remove("hl-flash");
    void m.offsetWidth; // restart the animation
    m.classList.add("hl-flash");
  }
  setTimeout(() => marks.forEach((m) => m.classList.remove("hl-flash")), 1600);
  return true;
}

export function smoothOrInstant() {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
}

/** The annotation to act on when a piece covered by several is clicked: the shortest one. */
export function innermostId(mark, annotations) {
  const ids = mark.dataset.annotationIds.split(" ");
  const candidates = annotations.filter((a) => ids.includes(String(a.id)) && !a.pending);
  candidates.sort((a, b) => a.end - a.start - (b.end - b.start));
  return candidates.length ? String(candidates[0].id) : null;
}

/** The page's list of saved highlights (or key items): the server's truth the marks are drawn from. */
export const listEl = () => document.getElementById("annotation-list");

/** Annotations as the server listed them: <li data-id data-start data-end data-category>. */
export function annotationsFromList(list) {
  if (!list) return [];
  return [...list.querySelectorAll(":scope > li[data-id]")].map((li) => ({
    id: li.dataset.id,
    start: Number(li.dataset.start),
    end: Number(li.dataset.end),
    category: li.dataset.category,
  }));
}

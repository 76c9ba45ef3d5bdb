// Re-attaching a set-aside highlight: a mouse (or touch) selection inside #article-text becomes
// code-point offsets over its textContent (= the article's body_text) in the form's hidden fields.
// Without JavaScript the "type the exact words" field does the same job on the server.
import { selectorFor } from "./textpos.js";

const root = document.getElementById("article-text");
const form = document.getElementById("reattach-form");

if (root && form) {
  const start = form.elements.namedItem("start");
  const end = form.elements.namedItem("end");
  const exact = form.elements.namedItem("exact");
  const status = document.getElementById("reattach-selected");

  function clip(text, max = 160) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  }

  function take() {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer) && !range.intersectsNode(root)) return;
    const selector = selectorFor(root, range);
    if (!selector) return;
    start.value = String(selector.start);
    end.value = String(selector.end);
    exact.value = selector.exact;
    status.textContent = `Selected: “${clip(selector.exact)}”. Press “Re-attach” to put the highlight there.`;
    status.classList.add("has-selection");
  }

  // Mouse, touch and keyboard selection changes all end up here; the last selection wins.
  document.addEventListener("selectionchange", () => {
    window.clearTimeout(take.timer);
    take.timer = window.setTimeout(take, 80);
  });
  root.addEventListener("mouseup", take);
}

// Side by side: draw each pane's highlights into its own text container.
import { annotationsFromList, renderHighlights } from "./highlights.js";

function drawPane(pane) {
  const root = pane.querySelector(".article-body");
  const list = pane.querySelector("[data-pane-list]");
  if (root && list) renderHighlights(root, annotationsFromList(list));
}

for (const pane of document.querySelectorAll(".compare-pane")) drawPane(pane);
document.getElementById("compare-page")?.setAttribute("data-ready", "true");

// Floating panels (the selection toolbar, the edit popover) placed next to words in the text.

export function truncate(text, n) {
  const chars = Array.from(text);
  return chars.length > n ? `${chars.slice(0, n - 1).join("")}…` : text;
}

/** The rectangle of a range's last line: where a panel about it should appear. */
export function lastRect(range) {
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
  return rects[rects.length - 1] || range.getBoundingClientRect();
}

/**
 * Show `el` next to `rect` (viewport coordinates), always on screen. With `beside` (the text being read):
 * in the margin beside that text, level with the words, when there is room — so it hides none of them;
 * otherwise below the words (above them when there is no room below).
 */
export function positionNear(el, rect, { beside = null } = {}) {
  el.hidden = false;
  el.style.left = "0px";
  el.style.top = "0px";
  const margin = 8;
  const width = el.offsetWidth;
  const height = el.offsetHeight;
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  let left = Math.max(margin, Math.min(rect.right - width / 2, vw - width - margin));
  let top = rect.bottom + 10;
  const column = beside?.getBoundingClientRect();
  if (column && vw - column.right - 2 * margin >= width) {
    left = column.right + margin * 2;
    top = Math.max(margin, Math.min(rect.top - 12, vh - height - margin));
  } else if (column && column.left - 2 * margin >= width) {
    left = column.left - width - margin * 2;
    top = Math.max(margin, Math.min(rect.top - 12, vh - height - margin));
  } else if (top + height > vh - margin && rect.top - height - 10 >= margin) top = rect.top - height - 10;
  el.style.left = `${left + window.scrollX}px`;
  el.style.top = `${top + window.scrollY}px`;
}

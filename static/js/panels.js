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

/** Show `el` next to `rect` (viewport coordinates), below it if there is room, always on screen. */
export function positionNear(el, rect) {
  el.hidden = false;
  el.style.left = "0px";
  el.style.top = "0px";
  const margin = 8;
  const width = el.offsetWidth;
  const height = el.offsetHeight;
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  const left = Math.max(margin, Math.min(rect.right - width / 2, vw - width - margin));
  let top = rect.bottom + 10;
  if (top + height > vh - margin && rect.top - height - 10 >= margin) top = rect.top - height - 10;
  el.style.left = `${left + window.scrollX}px`;
  el.style.top = `${top + window.scrollY}px`;
}

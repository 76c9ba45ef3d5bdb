// Text positions in an article container, counted in Unicode code points like the server
// (Python str indexes, W3C TextPositionSelector). The DOM counts UTF-16 units, so an emoji
// is 2 there and 1 here: every conversion goes through these helpers.

export function textNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
  return nodes;
}

function isHighSurrogate(code) { return code >= 0xd800 && code <= 0xdbff; }
function isLowSurrogate(code) { return code >= 0xdc00 && code <= 0xdfff; }

/** Number of code points in a JS (UTF-16) string. */
export function cpLength(s) {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if (isHighSurrogate(s.charCodeAt(i)) && isLowSurrogate(s.charCodeAt(i + 1))) { n--; i++; }
  }
  return n;
}

/** UTF-16 index in `s` of the code point offset `cp`. */
export function utf16Index(s, cp) {
  let i = 0;
  for (let c = 0; c < cp && i < s.length; c++) {
    i += isHighSurrogate(s.charCodeAt(i)) && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

/** Code point offset of a DOM boundary point, counted from the start of `root`. */
export function offsetOf(root, node, offset) {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return cpLength(range.toString());
}

/** A DOM Range for code point offsets [start, end) of root's textContent, or null. */
export function rangeFor(root, start, end) {
  const range = document.createRange();
  let pos = 0;
  let startSet = false;
  for (const node of textNodes(root)) {
    const len = cpLength(node.data);
    if (!startSet && start < pos + len) {
      range.setStart(node, utf16Index(node.data, start - pos));
      startSet = true;
    }
    if (startSet && end <= pos + len) {
      range.setEnd(node, utf16Index(node.data, end - pos));
      return range;
    }
    pos += len;
  }
  return null;
}

/** Whether the part of `range` outside `root` holds any text (more than whitespace between blocks). */
function reachesOutside(root, range) {
  const rootRange = document.createRange();
  rootRange.selectNodeContents(root);
  const outside = document.createRange();
  if (range.compareBoundaryPoints(Range.START_TO_START, rootRange) < 0) {
    outside.setStart(range.startContainer, range.startOffset);
    outside.setEnd(root, 0);
    if (outside.toString().trim()) return true;
  }
  if (range.compareBoundaryPoints(Range.END_TO_END, rootRange) > 0) {
    outside.setStart(root, root.childNodes.length);
    outside.setEnd(range.endContainer, range.endOffset);
    if (outside.toString().trim()) return true;
  }
  return false;
}

/**
 * The selector (code points) for a DOM range inside root, surrounding whitespace trimmed. Returns null when
 * nothing but whitespace is selected, or when the range takes in text outside root: a drag started on the
 * toolbar or the side panel and released on a word would otherwise become "from that word to the end of the
 * article". A range that only touches the blocks around root (a triple-click on the last paragraph ends at
 * the start of the next element) is clipped to root.
 */
export function selectorFor(root, range) {
  if (reachesOutside(root, range)) return null;
  const clipped = range.cloneRange();
  const rootRange = document.createRange();
  rootRange.selectNodeContents(root);
  if (clipped.compareBoundaryPoints(Range.START_TO_START, rootRange) < 0) clipped.setStart(root, 0);
  if (clipped.compareBoundaryPoints(Range.END_TO_END, rootRange) > 0) clipped.setEnd(root, root.childNodes.length);
  if (clipped.collapsed) return null;
  let start = offsetOf(root, clipped.startContainer, clipped.startOffset);
  const chars = Array.from(root.textContent);
  let end = start + cpLength(clipped.toString());
  while (start < end && /\s/u.test(chars[start])) start++;
  while (end > start && /\s/u.test(chars[end - 1])) end--;
  if (start >= end) return null;
  return { start, end, exact: chars.slice(start, end).join("") };
}

/**
 * The caret position in root nearest to the viewport point (x, y): the point is first moved inside root's
 * box, so a drag released beside the text column ends at that line's edge and one released below the text
 * ends on its last line. Null when no text of root is there (e.g. a panel floats over that spot).
 */
export function caretNear(root, x, y) {
  const box = root.getBoundingClientRect();
  const cx = Math.min(Math.max(x, box.left + 2), box.right - 2);
  const cy = Math.min(Math.max(y, box.top + 2), box.bottom - 2);
  let node = null;
  let offset = 0;
  if (document.caretPositionFromPoint) {
    const position = document.caretPositionFromPoint(cx, cy);
    node = position?.offsetNode;
    offset = position?.offset;
  } else if (document.caretRangeFromPoint) {
    const caret = document.caretRangeFromPoint(cx, cy);
    node = caret?.startContainer;
    offset = caret?.startOffset;
  }
  return node && root.contains(node) ? { node, offset } : null;
}

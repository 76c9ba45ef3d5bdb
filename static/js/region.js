// Talking to the server about the list region (#annotation-region): the one source of truth the
// reading view and the key mode redraw their highlights from. Every write answers with the region
// as a fragment (400 with [data-errors] when refused); answers are applied in order, so a slow old
// answer never replaces a newer one.

export function csrfToken() {
  const field = document.querySelector("[name=csrfmiddlewaretoken]");
  if (field) return field.value;
  try {
    return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"];
  } catch {
    return "";
  }
}

export async function post(url, fields) {
  return fetch(url, {
    method: "POST",
    body: new URLSearchParams(fields),
    credentials: "same-origin",
    headers: { "X-CSRFToken": csrfToken(), "HX-Request": "true" },
  });
}

export function parseRegion(html) {
  return new DOMParser().parseFromString(html, "text/html").getElementById("annotation-region");
}

export function errorText(fresh, fallback) {
  return fresh?.querySelector("[data-errors]")?.textContent.trim().replace(/\s+/g, " ") || fallback;
}

export const regionEl = () => document.getElementById("annotation-region");
export const listEl = () => document.getElementById("annotation-list");

export class RegionSync {
  /** articleId: whose count in the lesson steps follows the region; onApplied: redraw after a swap. */
  constructor({ articleId, onApplied, setStatus }) {
    this.articleId = articleId;
    this.onApplied = onApplied;
    this.setStatus = setStatus;
    this.applied = 0;
    this.issued = 0;
  }

  nextSeq() {
    return ++this.issued;
  }

  /** Swap in the server's region (unless a newer answer was already shown) and redraw. */
  apply(fresh, seq) {
    if (!fresh || seq < this.applied) return;
    this.applied = seq;
    regionEl().replaceWith(document.adoptNode(fresh));
    const count = document.querySelector(`[data-article-count-for="${this.articleId}"]`);
    if (count?.firstChild) {
      count.firstChild.nodeValue = fresh.dataset.articleCount;
      count.classList.toggle("is-zero", fresh.dataset.articleCount === "0");
    }
    this.onApplied();
  }

  /** POST a change, apply the answer, say how it went. Resolves true when the server accepted it. */
  async write(url, fields, doneText) {
    const seq = this.nextSeq();
    this.setStatus("saving", "Saving…");
    let response;
    try {
      response = await post(url, fields);
    } catch {
      this.setStatus("error", "Couldn't save your change — check your connection and try again.");
      return false;
    }
    if (response.ok || response.status === 400) {
      const fresh = parseRegion(await response.text());
      this.apply(fresh, seq);
      if (response.ok) {
        this.setStatus("saved", doneText);
        return true;
      }
      this.setStatus("error", `Couldn't save: ${errorText(fresh, "the server refused it.")}`);
      return false;
    }
    this.setStatus("error", `Couldn't save (error ${response.status}). Reload the page and try again.`);
    return false;
  }
}

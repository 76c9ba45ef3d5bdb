// The saving line in the side panel (#save-status) and a polite screen-reader announcer.

export function createStatus(page) {
  const statusLine = document.getElementById("save-status");
  const retryButton = document.createElement("button");
  retryButton.type = "button";
  retryButton.className = "link-button retry-now";
  retryButton.textContent = "Retry now";
  retryButton.hidden = true;
  statusLine?.after(retryButton);

  const announcer = document.createElement("p");
  announcer.className = "visually-hidden";
  announcer.setAttribute("aria-live", "polite");
  announcer.id = "kbd-announce";
  page.append(announcer);

  let freshTimer = null;

  function setStatus(state, text) {
    if (!statusLine) return;
    retryButton.hidden = state !== "queued";
    // The same news again (a retry that failed the same way) is not announced again.
    if (statusLine.dataset.state === state && statusLine.textContent === text) return;
    statusLine.dataset.state = state;
    statusLine.textContent = text;
    // On small screens the line floats into view for a moment (see reading.css).
    statusLine.classList.add("is-fresh");
    clearTimeout(freshTimer);
    freshTimer = setTimeout(() => statusLine.classList.remove("is-fresh"), 4000);
  }

  function announce(text) {
    announcer.textContent = "";
    requestAnimationFrame(() => {
      announcer.textContent = text;
    });
  }

  return { setStatus, announce, retryButton };
}

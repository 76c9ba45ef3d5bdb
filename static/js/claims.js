// The numbers ledger: keep the reader's place when htmx swaps the ledger region after a save.
// Without JavaScript every form posts and the page comes back (Post/Redirect/Get).

let lastFocusId = null;

document.body.addEventListener("htmx:beforeRequest", (event) => {
  if (!event.target.closest?.("#ledger-region")) return;
  lastFocusId = document.activeElement?.id || null;
});

document.body.addEventListener("htmx:afterSwap", (event) => {
  const region = document.getElementById("ledger-region");
  if (!region || !(event.target === region || event.target.contains?.(region) || !event.target.isConnected)) return;
  const error = region.querySelector("[data-errors]");
  const again = lastFocusId && document.getElementById(lastFocusId);
  if (error) {
    error.setAttribute("tabindex", "-1");
    error.focus();
  } else if (again) {
    again.focus();
  } else {
    document.getElementById("ledger-status")?.focus();
  }
  lastFocusId = null;
  document.dispatchEvent(new CustomEvent("crosscheck:ledger-updated"));
});

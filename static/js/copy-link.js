// Copy buttons: <button data-copy-target="#input" data-copy-status="status-id" hidden>.
// Hidden until this runs, so without JavaScript the read-only field is the way to copy.
function reveal(root) {
  root.querySelectorAll("[data-copy-target]").forEach((button) => { button.hidden = false; });
}

document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy-target]");
  if (!button) return;
  const field = document.querySelector(button.dataset.copyTarget);
  const status = document.getElementById(button.dataset.copyStatus);
  if (!field) return;
  field.select();
  let copied = false;
  try {
    await navigator.clipboard.writeText(field.value);
    copied = true;
  } catch {
    copied = false;
  }
  if (status) status.textContent = copied ? "Link copied." : "Press Ctrl+C (or ⌘C) to copy the selected link.";
});

document.addEventListener("htmx:load", (event) => reveal(event.target));
reveal(document);

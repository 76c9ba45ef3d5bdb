// Two-step confirmation inside a form: the first button reveals a box with the real submit
// button. Without JavaScript the first button simply submits.

export function enableConfirmForms(doc = document) {
  doc.addEventListener("click", (event) => {
    const open = event.target.closest("[data-confirm-open]");
    if (open) {
      const form = open.closest("form[data-confirm]");
      const box = form?.querySelector("[data-confirm-box]");
      if (!box) return;
      event.preventDefault();
      open.hidden = true;
      box.hidden = false;
      box.querySelector("button[type=submit]")?.focus();
      return;
    }
    const cancel = event.target.closest("[data-confirm-cancel]");
    if (cancel) {
      const form = cancel.closest("form[data-confirm]");
      form.querySelector("[data-confirm-box]").hidden = true;
      const button = form.querySelector("[data-confirm-open]");
      button.hidden = false;
      button.focus();
    }
  });
}

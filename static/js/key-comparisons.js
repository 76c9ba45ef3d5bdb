// The key comparisons editor: deleting a comparison asks first.
// Everything else is plain forms (edit in a <details>), enhanced by htmx attributes in the template.
import { enableConfirmForms } from "./confirm.js";

enableConfirmForms();

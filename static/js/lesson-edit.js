// The lesson builder: removing an article that has key items asks first (the key items go with it).
// Everything else is plain forms, enhanced by htmx attributes in the template.
import { enableConfirmForms } from "./confirm.js";

enableConfirmForms();

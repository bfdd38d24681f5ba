// The end of a form: the server's refusal (if any), then the submit button, which says
// `busyLabel` while the call runs.
import { html } from '../html.js';
import { ErrorMessage } from './status.js';

export function FormEnd({ error, busy, label, busyLabel }) {
  return html`
    <${ErrorMessage} error=${error} />
    <div class="row form-buttons">
      <button type="submit" class="primary" disabled=${busy}>${busy ? busyLabel : label}</button>
    </div>
  `;
}

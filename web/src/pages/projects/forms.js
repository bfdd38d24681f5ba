// What the forms of the projects, people and profile screens share: the submit (no page load,
// busy so a double click sends once, the server's refusal kept) and the form's end (that refusal,
// then the submit button).
import { useState } from 'preact/hooks';
import { html } from '../../html.js';
import { ErrorMessage } from '../../components/status.js';

// action(formData, form) may be async; its refusal (ApiError) becomes `error`.
export function useSubmit(action) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const onSubmit = async (e) => {
    e.preventDefault();
    if (busy) return;
    const form = e.currentTarget;
    setBusy(true);
    setError(null);
    try {
      await action(new FormData(form), form);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, onSubmit };
}

// The refusal (if any) and the submit button, which says `busyLabel` while the call runs.
export function FormEnd({ error, busy, label, busyLabel }) {
  return html`
    <${ErrorMessage} error=${error} />
    <div class="row form-buttons">
      <button type="submit" class="primary" disabled=${busy}>${busy ? busyLabel : label}</button>
    </div>
  `;
}

// One field of the task shown as a value with an "Edit" button that turns it into a form in
// place: Save stores it, Cancel or Escape puts the value back. A refused save keeps the form open
// with the server's message, and the shown value stays what the server has.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../../html.js';
import { ErrorMessage } from '../../components/status.js';

let counter = 0;

// `children` is the shown value; `editor(value, setValue, id)` renders the field (its input
// carries `id` so the label points at it; `grouped` editors bring their own <legend> instead);
// `onSave(value)` returns a promise.
export function EditableField({ label, initial, canEdit, editor, onSave, grouped, children }) {
  const [id] = useState(() => `field-${++counter}`);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(initial);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const form = useRef(null);
  const editButton = useRef(null);
  const wasEditing = useRef(false);

  // Focus follows the mode: into the field when it opens, back to "Edit" when it closes.
  useEffect(() => {
    if (editing && form.current) form.current.querySelector('input, select, textarea').focus();
    if (!editing && wasEditing.current && editButton.current) editButton.current.focus();
    wasEditing.current = editing;
  }, [editing]);

  const open = () => {
    setValue(initial);
    setError(null);
    setEditing(true);
  };
  const cancel = () => {
    setError(null);
    setEditing(false);
  };
  const save = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave(value);
      setEditing(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    }
  };

  if (editing) {
    return html`
      <div class="field editing">
        <dt>${grouped ? label : html`<label for=${id}>${label}</label>`}</dt>
        <dd>
          <form ref=${form} class="stack" onSubmit=${save} onKeyDown=${onKeyDown}>
            ${editor(value, setValue, id)}
            <${ErrorMessage} error=${error} />
            <div class="row">
              <button type="submit" class="primary" disabled=${busy}>Save</button>
              <button type="button" onClick=${cancel}>Cancel</button>
            </div>
          </form>
        </dd>
      </div>
    `;
  }
  return html`
    <div class="field">
      <dt>${label}</dt>
      <dd class="field-value">
        <div class="value">${children}</div>
        ${canEdit &&
        html`<button type="button" class="link" ref=${editButton} onClick=${open}>
          Edit<span class="visually-hidden"> ${label.toLowerCase()}</span>
        </button>`}
      </dd>
    </div>
  `;
}

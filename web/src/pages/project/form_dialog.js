// A dialog holding one form that calls the API: every "create" and "rename" of the project tabs.
// It shows the server's refusal inside the dialog and keeps what was typed, so a refused create
// can be corrected; it closes only when the call succeeded.
import { useState } from 'preact/hooks';
import { html } from '../../html.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorMessage } from '../../components/status.js';
import { useAction } from '../../components/use_action.js';

// submit(formData) performs the call; onDone(result) follows when it succeeded.
export function FormDialog({ open, title, submitLabel, onClose, submit, onDone, children }) {
  const call = useAction();
  const onSubmit = async (e) => {
    e.preventDefault();
    const stored = await call.run(() => submit(new FormData(e.currentTarget)));
    if (!stored) return;
    onDone && onDone(stored.answer);
    onClose();
  };
  const close = () => {
    call.clear();
    onClose();
  };
  return html`
    <${Dialog} open=${open} title=${title} onClose=${close}>
      <form class="project-form" onSubmit=${onSubmit}>
        <${ErrorMessage} error=${call.error} />
        ${children}
        <div class="row form-buttons">
          <button type="submit" class="primary" disabled=${call.busy}>${call.busy ? 'Saving…' : submitLabel}</button>
          <button type="button" onClick=${close}>Cancel</button>
        </div>
      </form>
    <//>
  `;
}

// A tab's "New …" button and the FormDialog it opens; nothing at all when the caller may not
// create (`allowed` false). The other props are FormDialog's.
export function CreateAction({ allowed, label, ...dialogProps }) {
  const dialog = useDialog();
  if (!allowed) return null;
  return html`
    <div class="row tab-tools"><button type="button" class="primary push-right" onClick=${dialog.show}>${label}</button></div>
    <${FormDialog} ...${dialogProps} open=${dialog.open} onClose=${dialog.hide} />
  `;
}

// Whether a FormDialog is open: { open, show, hide }.
export function useDialog() {
  const [open, setOpen] = useState(false);
  return { open, show: () => setOpen(true), hide: () => setOpen(false) };
}

// Rename and delete of one file or folder in the Documents tab. Deleting moves it into the
// caller's trash (DELETE files/file/{id} or files/folder/{id}), and the dialog says so.
import { html } from '../../html.js';
import { api } from '../../api.js';
import { FormDialog, useDialog } from './form_dialog.js';

export function EntryActions({ kind, entry, onChanged }) {
  const rename = useDialog();
  const remove = useDialog();
  const path = `files/${kind}/${entry.id}`;
  const what = kind === 'folder' ? 'folder' : 'file';
  return html`
    <div class="row entry-actions">
      <button type="button" class="link" onClick=${rename.show}>Rename<span class="visually-hidden"> ${entry.title}</span></button>
      <button type="button" class="link danger-link" onClick=${remove.show}>Delete<span class="visually-hidden"> ${entry.title}</span></button>
    </div>
    <${FormDialog} open=${rename.open} title=${`Rename the ${what}`} submitLabel="Rename" onClose=${rename.hide}
      onDone=${() => onChanged(null)} submit=${(form) => api('PUT', path, { body: { title: form.get('title') } })}>
      <label for=${`rename-${kind}-${entry.id}`}>New name</label>
      <input id=${`rename-${kind}-${entry.id}`} name="title" required value=${entry.title} />
    <//>
    <${FormDialog} open=${remove.open} title=${`Delete the ${what}?`} submitLabel="Move to trash" onClose=${remove.hide}
      onDone=${() => onChanged(`“${entry.title}” was moved to your trash (Documents › Trash), where it can be restored.`)}
      submit=${() => api('DELETE', path)}>
      <p>“${entry.title}” will be moved to your trash${kind === 'folder' ? ' with everything in it' : ''}. You can restore it from there.</p>
    <//>
  `;
}

// The task's files tab (/tasks/{id}?tab=files): the attached files, uploading (drop or pick),
// attaching from the project's documents, and the attach/detach history. A person who may not
// change the task's files (canEditFiles false: a guest) can only download.
import { html } from '../../html.js';
import { useApi } from '../../components/use_api.js';
import { ErrorMessage, Loading } from '../../components/status.js';
import { AttachedFiles } from './attached_files.js';
import { AttachHistory } from './attach_history.js';
import { DocumentPicker } from './document_picker.js';
import { UploadZone } from './upload_zone.js';

// onChanged: the task reloads too, so the tab's file count follows.
export function FilesTab({ task, onChanged }) {
  const canEdit = Boolean(task.canEditFiles);
  const files = useApi(`project/task/${task.id}/files`, null, [task.id]);
  const history = useApi(`project/task/${task.id}/files/history`, null, [task.id]);
  const settings = useApi(canEdit ? 'files/settings' : null, null, []);
  const reload = () => {
    files.reload();
    history.reload();
    onChanged();
  };
  const error = files.error || history.error;
  if (error) return html`<${ErrorMessage} error=${error} />`;
  if (!files.data || !history.data) return html`<${Loading} label="Loading files…" />`;
  const attachedIds = new Set(files.data.map((f) => f.id));
  return html`
    <div class="files-tab">
      <section class="card stack" aria-labelledby="files-title">
        <h2 id="files-title">Attached files (${files.data.length})</h2>
        <${AttachedFiles} task=${task} files=${files.data} history=${history.data} canEdit=${canEdit} onChanged=${reload} />
      </section>
      ${canEdit &&
      html`<section class="card stack" aria-labelledby="add-files-title">
        <h2 id="add-files-title">Add files</h2>
        <${ErrorMessage} error=${settings.error} />
        <${UploadZone} task=${task} maxSize=${settings.data ? settings.data.maxUploadSize : 0} onUploaded=${reload} />
        <${DocumentPicker} task=${task} attachedIds=${attachedIds} onAttached=${reload} />
      </section>`}
      <section class="card stack" aria-labelledby="file-history-title">
        <h2 id="file-history-title">Attach and detach history</h2>
        <${AttachHistory} history=${history.data} />
      </section>
    </div>
  `;
}

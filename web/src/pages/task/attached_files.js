// The files attached to the task: title (a download link), size, version, who attached it and
// when (from the attach history: the FileWrapper only says who made the file), each file's
// versions on demand, and detach for a person who may change the task's files.
import { useState } from 'preact/hooks';
import { html } from '../../html.js';
import { api } from '../../api.js';
import { formatDate, personName } from '../../format.js';
import { Empty, ErrorMessage } from '../../components/status.js';
import { FileVersions } from './file_versions.js';
import { useAction } from '../../components/use_action.js';

// The latest "attach" entry of each file in the history: who attached it and when.
function attachments(history) {
  const last = new Map();
  for (const entry of history || []) if (entry.action === 'attach') last.set(entry.fileId, entry);
  return last;
}

function FileRow({ task, file, attached, canEdit, onChanged }) {
  const [showVersions, setShowVersions] = useState(false);
  const action = useAction(onChanged);
  const detach = () =>
    action.run(() => api('DELETE', `project/task/${task.id}/files`, { params: { fileid: file.id } }));
  const by = attached ? attached.by : file.createdBy;
  const when = attached ? attached.date : file.created;
  const versionsId = `versions-${file.id}`;
  return html`
    <tr>
      <td data-label="File"><a href=${file.viewUrl} download=${file.title} class="file-title">${file.title}</a></td>
      <td data-label="Size">${file.contentLength}</td>
      <td data-label="Version">${file.version}</td>
      <td data-label="Attached by">${personName(by)}</td>
      <td data-label="Attached">${formatDate(when, { time: true })}</td>
      <td data-label="Actions">
        <div class="file-actions">
          <div class="row">
            <button type="button" class="link" aria-expanded=${showVersions} aria-controls=${versionsId}
              onClick=${() => setShowVersions(!showVersions)}>Versions<span class="visually-hidden"> of ${file.title}</span></button>
            ${canEdit &&
            html`<button type="button" class="danger" onClick=${detach} disabled=${action.busy}>
              Detach<span class="visually-hidden"> ${file.title}</span>
            </button>`}
          </div>
          <${ErrorMessage} error=${action.error} />
          <div id=${versionsId}>${showVersions && html`<${FileVersions} file=${file} />`}</div>
        </div>
      </td>
    </tr>
  `;
}

export function AttachedFiles({ task, files, history, canEdit, onChanged }) {
  if (!files.length) return html`<${Empty}>No files are attached to this task.<//>`;
  const attachedBy = attachments(history);
  return html`
    <div class="table-wrap">
      <table class="files-table">
        <caption class="visually-hidden">Files attached to the task</caption>
        <thead>
          <tr><th scope="col">File</th><th scope="col">Size</th><th scope="col">Version</th>
            <th scope="col">Attached by</th><th scope="col">Attached</th><th scope="col">Actions</th></tr>
        </thead>
        <tbody>
          ${files.map((f) => html`<${FileRow} key=${f.id} task=${task} file=${f} attached=${attachedBy.get(f.id)}
            canEdit=${canEdit} onChanged=${onChanged} />`)}
        </tbody>
      </table>
    </div>
  `;
}

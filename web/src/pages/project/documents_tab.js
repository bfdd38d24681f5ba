// The Documents tab: the project's folder (project/{id}/files) and its subfolders, browsed with
// ?folder={id} and a breadcrumb; upload with a progress bar per file, new folder, rename, delete
// (into the trash), download. What the caller may change follows the folder's `access` (a guest
// reads only), and the server still refuses what it does not allow, with its message.
import { useState } from 'preact/hooks';
import { html } from '../../html.js';
import { api } from '../../api.js';
import { withParam } from '../../router.js';
import { formatDate, personName } from '../../format.js';
import { ErrorMessage, Empty, Loading } from '../../components/status.js';
import { useApi } from '../../components/use_api.js';
import { FormDialog, useDialog } from './form_dialog.js';
import { Breadcrumb } from './breadcrumb.js';
import { Uploads } from './uploads.js';
import { EntryActions } from './entry_actions.js';
import { TableWrap } from './table_wrap.js';

// FileShare (the original's enum): 0 None (no restriction: the owner's full rights), 1 ReadWrite.
const mayChange = (entry) => entry.access === 0 || entry.access === 1;

export function DocumentsTab({ project, search }) {
  const root = useApi(project.projectFolder ? null : `project/${project.id}/files`, null, [project.id]);
  const rootId = project.projectFolder || (root.data && root.data.current.id);
  if (!rootId) return root.error ? html`<${ErrorMessage} error=${root.error} />` : html`<${Loading} />`;
  const folderId = search.get('folder') || rootId;
  return html`<${Folder} key=${folderId} folderId=${folderId} rootId=${rootId} />`;
}

function Folder({ folderId, rootId }) {
  const content = useApi(`files/${folderId}`, null, [folderId]);
  const newFolder = useDialog();
  const [notice, setNotice] = useState(null);
  if (content.loading && !content.data) return html`<${Loading} label="Loading documents…" />`;
  if (content.error) return html`<${ErrorMessage} error=${content.error} />`;
  const { current, folders, files } = content.data;
  const writable = mayChange(current);
  const changed = (message) => {
    setNotice(message);
    content.reload();
  };
  return html`
    <${Breadcrumb} folderId=${folderId} rootId=${rootId} />
    ${writable &&
    html`<${Uploads} folderId=${folderId} onUploaded=${() => changed(null)}>
      <button type="button" onClick=${newFolder.show}>New folder</button>
    <//>`}
    <${FormDialog} open=${newFolder.open} title="New folder" submitLabel="Create folder" onClose=${newFolder.hide}
      onDone=${() => changed(null)}
      submit=${(form) => api('POST', `files/folder/${folderId}`, { body: { title: form.get('title') } })}>
      <label for="new-folder-title">Name</label>
      <input id="new-folder-title" name="title" required maxlength="170" />
    <//>
    ${notice && html`<p class="notice" role="status">${notice}</p>`}
    ${folders.length + files.length === 0 && html`<${Empty}>This folder is empty.<//>`}
    ${folders.length + files.length > 0 &&
    html`<${TableWrap} label=${`Contents of ${current.title}`}>
      <table class="documents">
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Size</th><th scope="col">Changed</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th></tr>
        </thead>
        <tbody>
          ${folders.map(
            (f) => html`<tr key=${`d${f.id}`} data-folder=${f.id}>
              <td><a href=${withParam('folder', f.id)} class="folder-link">${f.title}</a></td>
              <td class="muted">Folder, ${f.filesCount + f.foldersCount} items</td>
              <td>${formatDate(f.updated)}<br /><span class="muted">${personName(f.updatedBy)}</span></td>
              <td>${mayChange(f) && html`<${EntryActions} kind="folder" entry=${f} onChanged=${changed} />`}</td>
            </tr>`,
          )}
          ${files.map(
            (f) => html`<tr key=${`f${f.id}`} data-file=${f.id}>
              <td><a href=${f.viewUrl} download=${f.title}>${f.title}</a></td>
              <td>${f.contentLength}</td>
              <td>${formatDate(f.updated)}<br /><span class="muted">${personName(f.updatedBy)}</span></td>
              <td>${mayChange(f) && html`<${EntryActions} kind="file" entry=${f} onChanged=${changed} />`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    <//>`}
  `;
}

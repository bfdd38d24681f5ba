// Where the Documents tab is: the folders from the project's folder down to the current one
// (files/folder/{id}/path gives the whole path from a root section; the part above the project's
// folder is not this project's, so it is left out).
import { html } from '../../html.js';
import { withParam } from '../../router.js';
import { useApi } from '../../components/use_api.js';
import { ErrorMessage } from '../../components/status.js';

export function Breadcrumb({ folderId, rootId }) {
  const path = useApi(`files/folder/${folderId}/path`, null, [folderId]);
  if (path.error) return html`<${ErrorMessage} error=${path.error} />`;
  if (!path.data) return null;
  const start = path.data.findIndex((f) => String(f.id) === String(rootId));
  const shown = start >= 0 ? path.data.slice(start) : path.data.slice(-1);
  return html`
    <nav aria-label="Folder" class="breadcrumb">
      <ol>
        ${shown.map((f, i) => {
          const last = i === shown.length - 1;
          const href = withParam('folder', String(f.id) === String(rootId) ? '' : f.id);
          const name = i === 0 && start >= 0 ? 'Project documents' : f.title;
          return html`<li key=${f.id}>
            ${last ? html`<span aria-current="location">${name}</span>` : html`<a href=${href}>${name}</a>`}
          </li>`;
        })}
      </ol>
    </nav>
  `;
}

// Attaching files the project already has: a dialog that browses the project's documents folder
// (project/{id}/files, then files/{folderId} for subfolders) with a checkbox per file; the chosen
// files are attached in one call (POST project/task/{id}/files), all or none.
import { useState } from 'preact/hooks';
import { html } from '../../html.js';
import { api } from '../../api.js';
import { Dialog } from '../../components/dialog.js';
import { useApi } from '../../components/use_api.js';
import { ErrorMessage, Empty, Loading } from '../../components/status.js';
import { useAction } from '../../components/use_action.js';

function FolderView({ projectId, trail, onOpen, chosen, onToggle, attachedIds }) {
  const here = trail[trail.length - 1];
  const content = useApi(here ? `files/${here.id}` : `project/${projectId}/files`, null, [here && here.id]);
  if (content.error) return html`<${ErrorMessage} error=${content.error} />`;
  if (!content.data) return html`<${Loading} label="Loading the folder…" />`;
  const { folders = [], files = [], current } = content.data;
  return html`
    <nav aria-label="Folder path" class="breadcrumb picker-path">
      <ol>
        <li>${trail.length === 0
          ? html`<span aria-current="location">${current.title}</span>`
          : html`<button type="button" class="link" onClick=${() => onOpen(null)}>Project documents</button>`}</li>
        ${trail.map((f, i) => html`<li key=${f.id}>${i === trail.length - 1
          ? html`<span aria-current="location">${f.title}</span>`
          : html`<button type="button" class="link" onClick=${() => onOpen(f)}>${f.title}</button>`}</li>`)}
      </ol>
    </nav>
    ${folders.length > 0 &&
    html`<ul class="plain-list picker-folders" aria-label="Folders">
      ${folders.map((f) => html`<li key=${f.id}><button type="button" class="link" onClick=${() => onOpen(f)}>
        ${f.title}/<span class="visually-hidden"> (open folder)</span></button></li>`)}
    </ul>`}
    ${files.length
      ? html`<fieldset><legend>Files in ${current.title}</legend><ul class="choices">
          ${files.map((f) => {
            const already = attachedIds.has(f.id);
            return html`<li key=${f.id}><label class="choice">
              <input type="checkbox" value=${f.id} disabled=${already} checked=${already || chosen.has(f.id)}
                onChange=${(e) => onToggle(f.id, e.currentTarget.checked)} />
              <span>${f.title} <span class="muted">${f.contentLength}${already ? ' · already attached' : ''}</span></span>
            </label></li>`;
          })}
        </ul></fieldset>`
      : html`<${Empty}>No files in this folder.<//>`}
  `;
}

export function DocumentPicker({ task, attachedIds, onAttached }) {
  const [open, setOpen] = useState(false);
  const [trail, setTrail] = useState([]); // the folders opened below the project's, in order
  const [chosen, setChosen] = useState(new Set());
  const action = useAction(onAttached);
  const close = () => {
    setOpen(false);
    setTrail([]);
    setChosen(new Set());
  };
  const openFolder = (folder) => {
    if (!folder) return setTrail([]);
    const at = trail.findIndex((f) => f.id === folder.id);
    setTrail(at >= 0 ? trail.slice(0, at + 1) : [...trail, { id: folder.id, title: folder.title }]);
  };
  const toggle = (id, on) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const attach = async () => {
    const files = [...chosen];
    if (await action.run(() => api('POST', `project/task/${task.id}/files`, { body: { files } }))) close();
  };
  return html`
    <button type="button" onClick=${() => setOpen(true)}>Attach from project documents…</button>
    <${Dialog} open=${open} title="Attach from project documents" onClose=${close}>
      <div class="stack picker">
        <${FolderView} projectId=${task.projectOwner.id} trail=${trail} onOpen=${openFolder}
          chosen=${chosen} onToggle=${toggle} attachedIds=${attachedIds} />
        <${ErrorMessage} error=${action.error} />
        <div class="row">
          <button type="button" class="primary" onClick=${attach} disabled=${!chosen.size || action.busy}>
            Attach ${chosen.size || ''} ${chosen.size === 1 ? 'file' : 'files'}
          </button>
          <button type="button" onClick=${close}>Cancel</button>
        </div>
      </div>
    <//>
  `;
}

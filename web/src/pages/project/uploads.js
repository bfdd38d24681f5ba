// Uploading into a folder of the Documents tab: each picked file is checked against the
// server's limit (files/settings maxUploadSize) before anything is sent, then sent on its own
// (api.js upload(), multipart to files/{folder}/upload) with its own progress bar and result.
import { useState } from 'preact/hooks';
import { html } from '../../html.js';
import { upload } from '../../api.js';
import { formatSize } from '../../format.js';
import { useApi } from '../../components/use_api.js';

let counter = 0;

const exactSize = (bytes) => `${formatSize(bytes)} (${bytes} bytes)`;

// `children`: the folder's other tools, shown in the same row as the upload button.
export function Uploads({ folderId, onUploaded, children }) {
  const settings = useApi('files/settings');
  const [items, setItems] = useState([]);
  const update = (id, change) => setItems((list) => list.map((it) => (it.id === id ? { ...it, ...change } : it)));
  const limit = settings.data && settings.data.maxUploadSize;

  const send = async (file) => {
    const id = ++counter;
    if (limit && file.size > limit) {
      // Exact bytes too: a file just over the limit rounds to the same size as the limit.
      const error = `Too big: ${exactSize(file.size)}; the largest upload is ${exactSize(limit)}. Nothing was sent.`;
      setItems((list) => [...list, { id, name: file.name, error }]);
      return;
    }
    setItems((list) => [...list, { id, name: file.name, loaded: 0, total: file.size }]);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await upload(`files/${folderId}/upload`, form, (loaded, total) => update(id, { loaded, total }));
      update(id, { loaded: file.size, done: true });
      onUploaded();
    } catch (err) {
      update(id, { error: err.message });
    }
  };
  // The input is disabled until the limit is known, so no file skips the check.
  const picked = (e) => {
    [...e.currentTarget.files].forEach(send);
    e.currentTarget.value = ''; // the same file can be picked again
  };

  return html`
    <div class="row tab-tools">
      <input id="upload-input" class="visually-hidden" type="file" multiple disabled=${settings.loading} onChange=${picked} />
      <label for="upload-input" class="button primary upload-label">Upload files</label>
      ${children}
    </div>
    ${items.length > 0 &&
      html`<ul class="upload-list" aria-label="Uploads">
        ${items.map((it) => html`<${UploadItem} key=${it.id} item=${it} />`)}
      </ul>`}
  `;
}

function UploadItem({ item }) {
  if (item.error) return html`<li class="upload-item"><span>${item.name}</span> <span class="error" role="alert">${item.error}</span></li>`;
  return html`
    <li class="upload-item">
      <span>${item.name}</span>
      <progress max=${item.total || 1} value=${item.loaded} aria-label=${`Uploading ${item.name}`}></progress>
      <span class="muted" role="status">${item.done ? 'Uploaded' : `${formatSize(item.loaded)} of ${formatSize(item.total)}`}</span>
    </li>
  `;
}

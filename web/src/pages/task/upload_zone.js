// Uploading files to the task: a drop zone and a real file picker, one <progress> per file, and
// the server's size limit (files/settings maxUploadSize) checked before anything is sent. Each
// file is uploaded and attached in one call (POST project/{taskid}/entityfiles/upload with
// entityType=task): the server stores and attaches it in one transaction, so a refused upload
// leaves no stray file in the project folder.
import { useState } from 'preact/hooks';
import { html } from '../../html.js';
import { upload } from '../../api.js';
import { formatSize } from '../../format.js';
import { ErrorMessage } from '../../components/status.js';

let counter = 0;

function UploadItem({ item }) {
  const id = `upload-${item.key}`;
  const percent = item.total ? Math.round((item.loaded / item.total) * 100) : 0;
  const state = {
    sending: `${percent}%`,
    done: 'Attached',
    refused: 'Refused',
    tooBig: 'Not sent',
  }[item.state];
  return html`
    <li class=${`upload upload-${item.state}`}>
      <div class="row upload-head">
        <label for=${id} class="upload-name">${item.name}</label>
        <span class="muted">${formatSize(item.size)} · ${state}</span>
      </div>
      ${item.state !== 'tooBig' && html`<progress id=${id} max="100" value=${percent}>${percent}%</progress>`}
      <${ErrorMessage} error=${item.error} />
    </li>
  `;
}

export function UploadZone({ task, maxSize, onUploaded }) {
  const [items, setItems] = useState([]);
  const [over, setOver] = useState(false);
  const update = (key, change) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change } : i)));

  const send = async (item, file) => {
    const form = new FormData();
    form.append('userfile', file, file.name);
    try {
      await upload(`project/${task.id}/entityfiles/upload?entityType=task`, form, (loaded, total) =>
        update(item.key, { loaded, total }),
      );
      update(item.key, { state: 'done', loaded: 1, total: 1 });
      onUploaded();
    } catch (error) {
      update(item.key, { state: 'refused', error });
    }
  };

  const start = (fileList) => {
    const files = Array.from(fileList || []);
    const added = files.map((file) => {
      const item = { key: ++counter, name: file.name, size: file.size, loaded: 0, total: file.size, state: 'sending' };
      if (maxSize && file.size > maxSize) {
        item.state = 'tooBig';
        item.error = `${file.name} is ${formatSize(file.size)}; the largest file the server takes is ${formatSize(maxSize)}. It was not sent.`;
      }
      return [item, file];
    });
    setItems((all) => [...added.map(([item]) => item), ...all]);
    added.filter(([item]) => item.state === 'sending').forEach(([item, file]) => send(item, file));
  };

  const onDrop = (e) => {
    e.preventDefault();
    setOver(false);
    start(e.dataTransfer.files);
  };
  const onDragOver = (e) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  return html`
    <div class=${over ? 'drop-zone over' : 'drop-zone'} onDragOver=${onDragOver} onDragLeave=${() => setOver(false)} onDrop=${onDrop}>
      <p class="drop-hint">Drop files here to upload and attach them, or</p>
      <label for="task-file-input" class="button">Choose files…</label>
      <input id="task-file-input" class="file-input" type="file" multiple
        onChange=${(e) => {
          start(e.currentTarget.files);
          e.currentTarget.value = '';
        }} />
      ${maxSize > 0 && html`<p class="muted">Up to ${formatSize(maxSize)} per file.</p>`}
    </div>
    ${items.length > 0 && html`<ul class="uploads plain-list" aria-label="Uploads">${items.map((i) => html`<${UploadItem} key=${i.key} item=${i} />`)}</ul>`}
  `;
}

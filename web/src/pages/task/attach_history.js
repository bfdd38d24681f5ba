// Who attached or detached which file when (project/task/{id}/files/history, oldest first; it
// outlives the files, so a detached or deleted file is still named).
import { html } from '../../html.js';
import { formatDate, personName } from '../../format.js';
import { Empty } from '../../components/status.js';

export function AttachHistory({ history }) {
  if (!history.length) return html`<${Empty}>Nothing has been attached yet.<//>`;
  return html`
    <ol class="history plain-list">
      ${[...history].reverse().map(
        (e) => html`<li key=${e.id} class="history-entry">
          <span class="history-when muted">${formatDate(e.date, { time: true })}</span>
          <span><strong>${personName(e.by)}</strong> ${e.action === 'detach' ? 'detached' : 'attached'} <span class="file-title">${e.fileTitle}</span></span>
        </li>`,
      )}
    </ol>
  `;
}

// Every version of one attached file (files/file/{id}/history, newest first): its number, size,
// who stored it and when, and a download link for each.
import { html } from '../../html.js';
import { formatDate, personName } from '../../format.js';
import { useApi } from '../../components/use_api.js';
import { ErrorMessage, Loading } from '../../components/status.js';

export function FileVersions({ file }) {
  const versions = useApi(`files/file/${file.id}/history`, null, [file.id, file.version]);
  if (versions.error) return html`<${ErrorMessage} error=${versions.error} />`;
  if (!versions.data) return html`<${Loading} label="Loading versions…" />`;
  return html`
    <ul class="versions" aria-label=${`Versions of ${file.title}`}>
      ${versions.data.map(
        (v) => html`<li key=${v.version}>
          <a href=${v.viewUrl} download=${v.title}>Version ${v.version}<span class="visually-hidden"> of ${v.title}</span></a>
          <span class="muted"> · ${v.contentLength} · ${personName(v.updatedBy)} · ${formatDate(v.updated, { time: true })}</span>
        </li>`,
      )}
    </ul>
  `;
}

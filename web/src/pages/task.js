// Placeholder: replaced by the Task page (docs/web-app.md).
import { html } from '../html.js';
import { Layout } from '../components/layout.js';

export function Task() {
  return html`<${Layout} title="Task"><p>Coming next.</p><//>`;
}

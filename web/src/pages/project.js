// Placeholder: replaced by the Project page (docs/web-app.md).
import { html } from '../html.js';
import { Layout } from '../components/layout.js';

export function Project() {
  return html`<${Layout} title="Project"><p>Coming next.</p><//>`;
}

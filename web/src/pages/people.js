// Placeholder: replaced by the People page (docs/web-app.md).
import { html } from '../html.js';
import { Layout } from '../components/layout.js';

export function People() {
  return html`<${Layout} title="People"><p>Coming next.</p><//>`;
}

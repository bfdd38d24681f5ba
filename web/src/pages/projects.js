// Placeholder: replaced by the Projects page (docs/web-app.md).
import { html } from '../html.js';
import { Layout } from '../components/layout.js';

export function Projects() {
  return html`<${Layout} title="Projects"><p>Coming next.</p><//>`;
}

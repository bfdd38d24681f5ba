// Placeholder: replaced by the Profile page (docs/web-app.md).
import { html } from '../html.js';
import { Layout } from '../components/layout.js';

export function Profile() {
  return html`<${Layout} title="Profile"><p>Coming next.</p><//>`;
}

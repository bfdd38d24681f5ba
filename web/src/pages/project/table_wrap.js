// A wide table's own scrolling region: on a phone the table scrolls sideways inside it, never
// the page. The region is labelled and focusable so it can be scrolled with the keyboard even
// when nothing inside it takes focus (a guest's read-only table).
import { html } from '../../html.js';

export function TableWrap({ label, children }) {
  return html`<div class="table-wrap project-table" role="region" aria-label=${label} tabindex="0">${children}</div>`;
}

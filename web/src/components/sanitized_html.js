// The only place the app sets HTML: comment and discussion text, which the server sanitised when
// it was stored (domain/html_sanitizer: a fixed allow-list of tags and attributes, no scripts, no
// event handlers, no javascript: URLs). Everything else the app shows is text.
import { html } from '../html.js';

export function SanitizedHtml({ markup, class: className }) {
  return html`<div class=${className} dangerouslySetInnerHTML=${{ __html: markup || '' }}></div>`;
}

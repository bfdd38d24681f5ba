// htm bound to Preact: every component writes its markup as html`...`, with no build-time JSX.
// Interpolated values are always text (Preact escapes them); markup from the server is only ever
// set through SanitizedHtml (components/sanitized_html.js), for HTML the server sanitised.
import { h } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);

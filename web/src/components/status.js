// Loading, refusal and empty states, the same on every screen. A refusal shows the server's own
// message (ApiError.message) and is announced to screen readers (role=alert).
import { html } from '../html.js';

export function ErrorMessage({ error }) {
  if (!error) return null;
  const text = typeof error === 'string' ? error : error.message;
  return html`<p class="error" role="alert">${text}</p>`;
}

export function Loading({ label = 'Loading…' }) {
  return html`<p class="muted" role="status" aria-live="polite">${label}</p>`;
}

export function Empty({ children }) {
  return html`<p class="empty">${children}</p>`;
}

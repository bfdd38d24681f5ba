// What a tab shows instead of its list: the loading, refused and empty states of the useApi
// answer the list comes from.
import { html } from '../../html.js';
import { ErrorMessage, Empty, Loading } from '../../components/status.js';

// Renders nothing once `result` has items: the caller renders them.
export function ListStatus({ result, loading, empty }) {
  if (result.loading && !result.data) return html`<${Loading} label=${loading} />`;
  if (result.error) return html`<${ErrorMessage} error=${result.error} />`;
  if (result.data && result.data.length === 0) return html`<${Empty}>${empty}<//>`;
  return null;
}

export const hasItems = (result) => Boolean(result.data && result.data.length > 0);

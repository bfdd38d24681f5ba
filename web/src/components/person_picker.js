// Choosing people: a searchable list of checkboxes (several) or radio buttons (one), loaded from
// `people` (or given as `people`). `value` is an array of ids; onChange(ids).
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { personName } from '../format.js';
import { useApi } from './use_api.js';
import { ErrorMessage, Loading } from './status.js';

let counter = 0;

export function PersonPicker({ label, value = [], onChange, multiple = true, people, name }) {
  const [filter, setFilter] = useState('');
  const [id] = useState(() => `people-${++counter}`);
  const loaded = useApi(people ? null : 'people/filter', { employeeStatus: 'active' });
  const everyone = (people || loaded.data || []).filter((p) => p.isVisitor !== true || multiple);
  if (!people && loaded.loading) return html`<${Loading} label="Loading people…" />`;
  if (!people && loaded.error) return html`<${ErrorMessage} error=${loaded.error} />`;
  const needle = filter.trim().toLowerCase();
  const shown = everyone.filter((p) => !needle || personName(p).toLowerCase().includes(needle));
  const toggle = (pid, checked) => {
    if (!multiple) return onChange(checked ? [pid] : []);
    onChange(checked ? [...new Set([...value, pid])] : value.filter((v) => v !== pid));
  };
  return html`
    <fieldset class="person-picker">
      <legend>${label}</legend>
      ${everyone.length > 6 &&
      html`<label class="visually-hidden" for=${`${id}-filter`}>Find a person</label>
        <input id=${`${id}-filter`} type="search" placeholder="Find a person" value=${filter}
          onInput=${(e) => setFilter(e.currentTarget.value)} />`}
      <ul class="choices">
        ${shown.map(
          (p) => html`<li key=${p.id}>
            <label class="choice">
              <input type=${multiple ? 'checkbox' : 'radio'} name=${name || id} value=${p.id}
                checked=${value.includes(p.id)} onChange=${(e) => toggle(p.id, e.currentTarget.checked)} />
              ${personName(p)}
            </label>
          </li>`,
        )}
      </ul>
    </fieldset>
  `;
}

// The projects list's filters: search text, status, mine, following. They live in the address
// (?q=&status=&mine=1&follow=1) so a reload or a shared link shows the same list; changing one
// navigates, and the list reloads from the server's project/filter.
import { useEffect, useState } from 'preact/hooks';
import { html } from '../../html.js';
import { navigate, withParam } from '../../router.js';
import { projectStatuses } from './project_status.js';

// What the address asks for, read once per render by the page and the list.
export function filtersFrom(search) {
  return {
    q: search.get('q') || '',
    status: projectStatuses.some((s) => s.value === search.get('status')) ? search.get('status') : '',
    mine: search.get('mine') === '1',
    follow: search.get('follow') === '1',
  };
}

export function ProjectFilters({ filters }) {
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]); // back/forward changes the address
  const search = (e) => {
    e.preventDefault();
    navigate(withParam('q', text.trim()));
  };
  const flag = (name) => (e) => navigate(withParam(name, e.currentTarget.checked ? '1' : ''));
  return html`
    <form role="search" aria-label="Filter projects" class="project-filters card" onSubmit=${search}>
      <div class="project-search">
        <label for="project-search">Search projects</label>
        <div class="search-row">
          <input id="project-search" type="search" name="q" value=${text}
            onInput=${(e) => setText(e.currentTarget.value)} />
          <button type="submit">Search</button>
        </div>
      </div>
      <div>
        <label for="project-status">Status</label>
        <select id="project-status" value=${filters.status}
          onChange=${(e) => navigate(withParam('status', e.currentTarget.value))}>
          <option value="">Any status</option>
          ${projectStatuses.map((s) => html`<option value=${s.value}>${s.label}</option>`)}
        </select>
      </div>
      <div class="project-flags">
        <label class="choice">
          <input type="checkbox" name="mine" checked=${filters.mine} onChange=${flag('mine')} />
          Mine (I am on the team)
        </label>
        <label class="choice">
          <input type="checkbox" name="follow" checked=${filters.follow} onChange=${flag('follow')} />
          Following
        </label>
      </div>
    </form>
  `;
}

// The projects that match the filters, from the server's project/filter (filtering and search
// happen there, not over everything here), a page at a time with "Show more".
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../../html.js';
import { api } from '../../api.js';
import { personName } from '../../format.js';
import { useSession } from '../../session.js';
import { Empty, ErrorMessage, Loading } from '../../components/status.js';
import { FollowButton } from '../../components/follow_button.js';
import { statusOf } from './project_status.js';

const PAGE = 50;

function filterParams(filters, me) {
  return {
    filterValue: filters.q,
    status: filters.status,
    participant: filters.mine ? me.id : undefined, // the manager is always on the team
    follow: filters.follow ? 'true' : undefined,
    sortBy: 'create_on',
    sortOrder: 'descending',
    count: PAGE,
  };
}

function ProjectItem({ project, onFollow }) {
  const status = statusOf(project.status);
  return html`
    <li class="project-item card">
      <div class="project-title">
        <a href=${`/projects/${project.id}`}>${project.title}</a>
        ${project.isPrivate && html`<span class="badge badge-private">Private</span>`}
        ${project.isFollow && html`<span class="badge badge-follow">Following</span>`}
      </div>
      <dl class="project-facts">
        <div><dt>Status</dt><dd><span class=${`status status-${status.value}`}>${status.label}</span></dd></div>
        <div><dt>Manager</dt><dd>${personName(project.responsible) || '—'}</dd></div>
        ${project.taskCountTotal !== undefined &&
        html`<div><dt>Tasks</dt><dd>${project.taskCount} open of ${project.taskCountTotal}</dd></div>`}
      </dl>
      <div class="project-follow"><${FollowButton} project=${project} onChange=${onFollow} /></div>
    </li>
  `;
}

export function ProjectList({ filters }) {
  const { me } = useSession();
  const key = JSON.stringify(filters);
  // The answer for `key`, the filters it was asked for: until the new filters' answer comes, the
  // old one is not shown as if it were theirs.
  const [state, setState] = useState({ key: null, items: [], more: false, loading: true, error: null });
  const latest = useRef(key);
  latest.current = key;
  // Loads the page after `offset`; a newer filter's answer wins over an older one still coming.
  const load = async (offset) => {
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const page = await api('GET', 'project/filter', {
        params: { ...filterParams(filters, me), startIndex: offset },
      });
      if (key !== latest.current) return;
      setState((s) => ({
        key,
        items: offset ? [...s.items, ...page] : page,
        more: page.length === PAGE,
        loading: false,
        error: null,
      }));
    } catch (error) {
      if (key === latest.current)
        setState((s) => ({ ...s, key, items: offset ? s.items : [], loading: false, error }));
    }
  };
  useEffect(() => {
    load(0);
  }, [key]);

  const setFollow = (id) => (isFollow) =>
    setState((s) => ({ ...s, items: s.items.map((p) => (p.id === id ? { ...p, isFollow } : p)) }));
  const fresh = state.key === key;
  const items = fresh ? state.items : [];
  const loading = !fresh || state.loading;
  const { more, error } = state;
  return html`
    <section aria-labelledby="projects-found" class="project-results">
      <h2 id="projects-found" class="visually-hidden">Projects found</h2>
      ${items.length > 0 &&
      html`<ul class="project-list">
        ${items.map((p) => html`<${ProjectItem} key=${p.id} project=${p} onFollow=${setFollow(p.id)} />`)}
      </ul>`}
      ${!loading && !error && items.length === 0 && html`<${Empty}>No project matches these filters.<//>`}
      <${ErrorMessage} error=${error} />
      ${loading && html`<${Loading} label="Loading projects…" />`}
      ${!loading && more &&
      html`<button type="button" onClick=${() => load(items.length)}>Show more projects</button>`}
    </section>
  `;
}

// The project page, /projects/{id}: the header (title, status, manager, follow) and the tab named
// by ?view= (tasks, board, milestones, discussions, documents). Each tab is its own file in
// pages/project/; tabs are links so a reload or a shared address opens the same tab.
import { html } from '../html.js';
import { Layout } from '../components/layout.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { useApi } from '../components/use_api.js';
import { ProjectHeader } from './project/header.js';
import { FollowButton } from '../components/follow_button.js';
import { TasksTab } from './project/tasks_tab.js';
import { BoardTab } from './project/board_tab.js';
import { MilestonesTab } from './project/milestones_tab.js';
import { DiscussionsTab } from './project/discussions_tab.js';
import { DocumentsTab } from './project/documents_tab.js';

const TABS = [
  ['tasks', 'Tasks', TasksTab],
  ['board', 'Board', BoardTab],
  ['milestones', 'Milestones', MilestonesTab],
  ['discussions', 'Discussions', DiscussionsTab],
  ['documents', 'Documents', DocumentsTab],
];

export function Project({ projectId, search }) {
  const project = useApi(`project/${projectId}`, null, [projectId]);
  if (project.loading && !project.data) return html`<${Layout} title="Project"><${Loading} /><//>`;
  if (project.error) return html`<${Layout} title="Project"><${ErrorMessage} error=${project.error} /><//>`;
  const p = project.data;
  const view = TABS.some(([key]) => key === search.get('view')) ? search.get('view') : 'tasks';
  const [, label, Tab] = TABS.find(([key]) => key === view);
  // Only the tab's own parameters survive a tab change (a discussion's id means nothing on the board).
  const tabHref = (key) => `${location.pathname}${key === 'tasks' ? '' : `?view=${key}`}`;
  return html`
    <${Layout} title=${p.title} actions=${html`<${FollowButton} project=${p} onChange=${(isFollow) => project.setData({ ...p, isFollow })} />`}>
      <${ProjectHeader} project=${p} />
      <nav class="tabs" aria-label="Project sections">
        ${TABS.map(
          ([key, name]) =>
            html`<a key=${key} href=${tabHref(key)} aria-current=${key === view ? 'page' : undefined}>${name}</a>`,
        )}
      </nav>
      <section aria-labelledby="project-tab-title">
        <h2 id="project-tab-title" class="visually-hidden">${label}</h2>
        <${Tab} project=${p} search=${search} />
      </section>
    <//>
  `;
}

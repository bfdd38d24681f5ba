// The Tasks tab: the project's tasks as a table (status, priority, responsibles, deadline,
// milestone), filtered by status and "mine" (query parameters, so the filter survives a reload),
// and a "New task" dialog when the project's security.canCreateTask allows it.
import { html } from '../../html.js';
import { navigate, withParam } from '../../router.js';
import { useSession } from '../../session.js';
import { formatDate, personName } from '../../format.js';
import { useApi } from '../../components/use_api.js';
import { priorityName, taskStatusName } from './labels.js';
import { NewTaskDialog } from './task_form.js';
import { useDialog } from './form_dialog.js';
import { ListStatus, hasItems } from './list_status.js';
import { TableWrap } from './table_wrap.js';

const STATUS_FILTERS = [
  ['open', 'Open'],
  ['closed', 'Closed'],
  ['all', 'All'],
];

export function TasksTab({ project, search }) {
  const { me } = useSession();
  const status = search.get('status') || 'open';
  const mine = search.get('mine') === '1';
  const tasks = useApi('project/task/filter', {
    projectid: project.id,
    status: status === 'all' ? undefined : status,
    participant: mine ? me.id : undefined,
    sortBy: 'create_on',
    sortOrder: 'descending',
  });
  const statuses = useApi('project/status');
  const dialog = useDialog();
  const filter = (name, value) => navigate(withParam(name, value), { replace: true });
  return html`
    <div class="row tab-tools">
      <div class="filter">
        <label for="task-status-filter">Status</label>
        <select id="task-status-filter" value=${status} onChange=${(e) => filter('status', e.currentTarget.value === 'open' ? '' : e.currentTarget.value)}>
          ${STATUS_FILTERS.map(([value, name]) => html`<option value=${value}>${name}</option>`)}
        </select>
      </div>
      <label class="choice filter-check">
        <input type="checkbox" checked=${mine} onChange=${(e) => filter('mine', e.currentTarget.checked ? '1' : '')} />
        Only mine
      </label>
      ${project.security.canCreateTask &&
      html`<button type="button" class="primary push-right" onClick=${dialog.show}>New task</button>`}
    </div>
    <${NewTaskDialog} project=${project} open=${dialog.open} onClose=${dialog.hide} onCreated=${tasks.reload} />
    <${ListStatus} result=${tasks} loading="Loading tasks…" empty="No tasks match." />
    ${hasItems(tasks) && html`<${TaskTable} tasks=${tasks.data} statuses=${statuses.data || []} />`}
  `;
}

function TaskTable({ tasks, statuses }) {
  return html`
    <${TableWrap} label="Tasks">
      <table class="task-table">
        <thead>
          <tr><th scope="col">Task</th><th scope="col">Status</th><th scope="col">Priority</th>
            <th scope="col">Responsible</th><th scope="col">Deadline</th><th scope="col">Milestone</th></tr>
        </thead>
        <tbody>
          ${tasks.map(
            (t) => html`<tr key=${t.id} data-task=${t.id}>
              <td><a href=${`/tasks/${t.id}`}>${t.title}</a></td>
              <td>${taskStatusName(t, statuses)}</td>
              <td>${priorityName(t.priority)}</td>
              <td>${(t.responsibles || []).map(personName).join(', ')}</td>
              <td>${formatDate(t.deadline)}</td>
              <td>${t.milestone ? t.milestone.title : ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    <//>
  `;
}

// The Milestones tab: the project's milestones (title, deadline, status, responsible, task counts),
// a "New milestone" dialog when security.canCreateMilestone allows, and close/reopen on those the
// caller may edit (the server refuses closing one with open tasks, and says so).
import { html } from '../../html.js';
import { api } from '../../api.js';
import { formatDate, personName } from '../../format.js';
import { ErrorMessage } from '../../components/status.js';
import { useApi } from '../../components/use_api.js';
import { CreateAction } from './form_dialog.js';
import { milestoneStatusName } from './labels.js';
import { ListStatus, hasItems } from './list_status.js';
import { TeamPicker } from './team.js';
import { useAction } from '../../components/use_action.js';
import { TableWrap } from './table_wrap.js';

export function MilestonesTab({ project }) {
  const milestones = useApi(`project/${project.id}/milestone`, null, [project.id]);
  const change = useAction();
  const setStatus = async (milestone, status) => {
    const saved = await change.run(() => api('PUT', `project/milestone/${milestone.id}/status`, { body: { status } }));
    if (saved) milestones.setData((list) => list.map((m) => (m.id === milestone.id ? saved.answer : m)));
  };
  return html`
    <${CreateAction} allowed=${project.security.canCreateMilestone} label="New milestone" title="New milestone"
      submitLabel="Create milestone" onDone=${milestones.reload} submit=${(form) => createMilestone(project.id, form)}>
      <${MilestoneFields} project=${project} />
    <//>
    <${ErrorMessage} error=${change.error} />
    <${ListStatus} result=${milestones} loading="Loading milestones…" empty="No milestones yet." />
    ${hasItems(milestones) && html`<${MilestoneTable} milestones=${milestones.data} onStatus=${setStatus} />`}
  `;
}

function createMilestone(projectId, form) {
  return api('POST', `project/${projectId}/milestone`, {
    body: { title: form.get('title'), deadline: form.get('deadline'), responsible: form.get('responsible') || undefined },
  });
}

function MilestoneFields({ project }) {
  return html`
    <label for="new-milestone-title">Title</label>
    <input id="new-milestone-title" name="title" required maxlength="250" />
    <label for="new-milestone-deadline">Deadline</label>
    <input id="new-milestone-deadline" name="deadline" type="date" required />
    <${TeamPicker} projectId=${project.id} label="Responsible" name="responsible" multiple=${false} />
  `;
}

function MilestoneTable({ milestones, onStatus }) {
  return html`
    <${TableWrap} label="Milestones">
      <table>
        <thead>
          <tr><th scope="col">Milestone</th><th scope="col">Deadline</th><th scope="col">Status</th>
            <th scope="col">Responsible</th><th scope="col">Tasks</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
        </thead>
        <tbody>
          ${milestones.map(
            (m) => html`<tr key=${m.id} data-milestone=${m.id}>
              <td>${m.title}</td>
              <td>${formatDate(m.deadline)}</td>
              <td>${milestoneStatusName(m.status)}</td>
              <td>${personName(m.responsible)}</td>
              <td>${m.activeTaskCount ?? 0} open, ${m.closedTaskCount ?? 0} closed</td>
              <td>${m.canEdit &&
              html`<button type="button" onClick=${() => onStatus(m, m.status === 0 ? 'closed' : 'open')}>
                ${m.status === 0 ? 'Close' : 'Reopen'}<span class="visually-hidden"> ${m.title}</span>
              </button>`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    <//>
  `;
}

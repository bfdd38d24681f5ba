// The "New task" dialog: title, responsibles (from the project's team), deadline, milestone (the
// project's open milestones) and priority; POST project/{id}/task.
import { html } from '../../html.js';
import { api } from '../../api.js';
import { useApi } from '../../components/use_api.js';
import { formatDate } from '../../format.js';
import { FormDialog } from './form_dialog.js';
import { PRIORITY_CHOICES } from './labels.js';
import { TeamPicker } from './team.js';

export function NewTaskDialog({ project, open, onClose, onCreated }) {
  return html`
    <${FormDialog} open=${open} title="New task" submitLabel="Create task" onClose=${onClose} onDone=${onCreated}
      submit=${(form) => createTask(project.id, form)}>
      ${open && html`<${TaskFields} project=${project} />`}
    <//>
  `;
}

function createTask(projectId, form) {
  return api('POST', `project/${projectId}/task`, {
    body: {
      title: form.get('title'),
      responsibles: form.getAll('responsibles'),
      deadline: form.get('deadline') || undefined,
      milestoneid: form.get('milestoneid') ? Number(form.get('milestoneid')) : undefined,
      priority: form.get('priority'),
    },
  });
}

function TaskFields({ project }) {
  const milestones = useApi(`project/${project.id}/milestone/open`);
  return html`
    <label for="new-task-title">Title</label>
    <input id="new-task-title" name="title" required maxlength="250" />
    <${TeamPicker} projectId=${project.id} label="Responsibles" name="responsibles" />
    <div class="form-grid">
      <div>
        <label for="new-task-deadline">Deadline</label>
        <input id="new-task-deadline" name="deadline" type="date" />
      </div>
      <div>
        <label for="new-task-priority">Priority</label>
        <select id="new-task-priority" name="priority">
          ${PRIORITY_CHOICES.map(([value, name]) => html`<option value=${value}>${name}</option>`)}
        </select>
      </div>
    </div>
    <label for="new-task-milestone">Milestone</label>
    <select id="new-task-milestone" name="milestoneid">
      <option value="">None</option>
      ${(milestones.data || []).map(
        (m) => html`<option value=${m.id}>${m.title}${m.deadline ? ` (${formatDate(m.deadline)})` : ''}</option>`,
      )}
    </select>
  `;
}

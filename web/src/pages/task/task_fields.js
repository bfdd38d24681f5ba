// The task's own fields, each edited in place (EditableField): title, description, status,
// priority, responsibles, deadline, milestone. Every save answers the whole task (TaskWrapperFull),
// which replaces the page's copy so what is shown is what the server stored.
import { html } from '../../html.js';
import { api } from '../../api.js';
import { dateInputValue, formatDate, personName } from '../../format.js';
import { PersonPicker } from '../../components/person_picker.js';
import { useApi } from '../../components/use_api.js';
import { EditableField } from './editable_field.js';
import { PRIORITIES, STATUSES, priorityName, statusName } from './task_names.js';

function Options({ choices }) {
  return choices.map(([value, text]) => html`<option value=${value}>${text}</option>`);
}

// `team`: the project's people to choose responsibles from.
export function TaskFields({ task, team, onChanged }) {
  const canEdit = task.canEdit;
  const projectId = task.projectOwner.id;
  // The milestones to choose from are loaded only for someone who may edit.
  const milestones = useApi(canEdit ? `project/${projectId}/milestone` : null, null, [projectId]);
  const change = async (body) => onChanged(await api('PUT', `project/task/${task.id}`, { body }));
  const setStatus = async (status) =>
    onChanged(await api('PUT', `project/task/${task.id}/status`, { body: { status } }));
  const text = (value, setValue, id, multiline) =>
    multiline
      ? html`<textarea id=${id} value=${value} onInput=${(e) => setValue(e.currentTarget.value)} />`
      : html`<input id=${id} value=${value} onInput=${(e) => setValue(e.currentTarget.value)} />`;
  const select = (choices) => (value, setValue, id) =>
    html`<select id=${id} value=${value} onChange=${(e) => setValue(e.currentTarget.value)}>
      <${Options} choices=${choices} />
    </select>`;
  const milestoneChoices = [['0', 'No milestone'], ...(milestones.data || []).map((m) => [String(m.id), m.title])];
  const responsibles = task.responsibles || [];

  return html`
    <dl class="task-fields">
      <${EditableField} label="Title" initial=${task.title} canEdit=${canEdit}
        editor=${(v, set, id) => text(v, set, id, false)} onSave=${(title) => change({ title })}>
        ${task.title}
      <//>
      <${EditableField} label="Status" initial=${statusName(task.status)} canEdit=${canEdit}
        editor=${select(STATUSES.map((s) => [s, s]))} onSave=${setStatus}>
        <span class=${`status status-${statusName(task.status)}`}>${statusName(task.status)}</span>
      <//>
      <${EditableField} label="Priority" initial=${priorityName(task.priority)} canEdit=${canEdit}
        editor=${select(PRIORITIES.map((p) => [p, p]))} onSave=${(priority) => change({ priority })}>
        ${priorityName(task.priority)}
      <//>
      <${EditableField} label="Responsibles" grouped initial=${responsibles.map((p) => p.id)} canEdit=${canEdit}
        editor=${(v, set) => html`<${PersonPicker} label="Responsibles" value=${v} onChange=${set}
          people=${team} />`}
        onSave=${(ids) => change({ responsibles: ids })}>
        ${responsibles.length ? responsibles.map(personName).join(', ') : html`<span class="muted">Nobody</span>`}
      <//>
      <${EditableField} label="Deadline" initial=${dateInputValue(task.deadline)} canEdit=${canEdit}
        editor=${(v, set, id) => html`<input id=${id} type="date" value=${v}
          onInput=${(e) => set(e.currentTarget.value)} />`}
        onSave=${(deadline) => change({ deadline })}>
        ${task.deadline ? formatDate(task.deadline) : html`<span class="muted">None</span>`}
      <//>
      <${EditableField} label="Milestone" initial=${String(task.milestoneId || 0)} canEdit=${canEdit}
        editor=${select(milestoneChoices)} onSave=${(id) => change({ milestoneid: Number(id) })}>
        ${task.milestone ? task.milestone.title : html`<span class="muted">None</span>`}
      <//>
      <${EditableField} label="Description" initial=${task.description || ''} canEdit=${canEdit}
        editor=${(v, set, id) => text(v, set, id, true)} onSave=${(description) => change({ description })}>
        ${task.description ? html`<p class="description">${task.description}</p>` : html`<span class="muted">No description</span>`}
      <//>
    </dl>
  `;
}

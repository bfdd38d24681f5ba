// A task's subtasks: the list, closing and reopening each, reassigning it, and adding one
// (title and responsible). Each change is answered by the subtask; the page then reloads the
// task so the counts and statuses shown are the server's.
import { useState } from 'preact/hooks';
import { html } from '../../html.js';
import { api } from '../../api.js';
import { personName } from '../../format.js';
import { ErrorMessage, Empty } from '../../components/status.js';
import { useAction } from '../../components/use_action.js';

// <select> of the team; '' is nobody.
export function ResponsibleSelect({ id, team, value, onChange, label }) {
  return html`
    <label for=${id}>${label}</label>
    <select id=${id} value=${value} onChange=${(e) => onChange(e.currentTarget.value)}>
      <option value="">Nobody</option>
      ${team.map((p) => html`<option value=${p.id}>${personName(p)}</option>`)}
    </select>
  `;
}

function Subtask({ task, subtask, team, onChanged }) {
  const [reassigning, setReassigning] = useState(false);
  const [responsible, setResponsible] = useState('');
  const action = useAction(onChanged);
  const closed = subtask.status === 2;
  const path = `project/task/${task.id}/${subtask.id}`;
  const toggle = () => action.run(() => api('PUT', `${path}/status`, { body: { status: closed ? 'open' : 'closed' } }));
  const reassign = (e) => {
    e.preventDefault();
    action.run(() => api('PUT', path, { body: { responsible } })).then((ok) => ok && setReassigning(false));
  };
  const fieldId = `subtask-${subtask.id}-responsible`;
  return html`
    <li class=${closed ? 'subtask closed' : 'subtask'}>
      <div class="row subtask-head">
        <span class="subtask-title">${subtask.title}</span>
        <span class="muted">${closed ? 'closed' : 'open'} · ${subtask.responsible ? personName(subtask.responsible) : 'nobody'}</span>
      </div>
      ${subtask.canEdit &&
      html`<div class="row">
        <button type="button" onClick=${toggle} disabled=${action.busy}>
          ${closed ? 'Reopen' : 'Close'}<span class="visually-hidden"> ${subtask.title}</span>
        </button>
        ${!closed &&
        html`<button type="button" onClick=${() => {
          setResponsible(subtask.responsible ? subtask.responsible.id : '');
          setReassigning(!reassigning);
        }} aria-expanded=${reassigning}>Reassign<span class="visually-hidden"> ${subtask.title}</span></button>`}
      </div>`}
      ${reassigning &&
      html`<form class="row reassign" onSubmit=${reassign}>
        <div><${ResponsibleSelect} id=${fieldId} team=${team} value=${responsible} onChange=${setResponsible}
          label=${`Responsible for ${subtask.title}`} /></div>
        <button type="submit" class="primary" disabled=${action.busy}>Save</button>
        <button type="button" onClick=${() => setReassigning(false)}>Cancel</button>
      </form>`}
      <${ErrorMessage} error=${action.error} />
    </li>
  `;
}

function AddSubtask({ task, team, onChanged }) {
  const [title, setTitle] = useState('');
  const [responsible, setResponsible] = useState('');
  const action = useAction(onChanged);
  const submit = async (e) => {
    e.preventDefault();
    const body = { title, responsible: responsible || undefined };
    if (await action.run(() => api('POST', `project/task/${task.id}`, { body }))) {
      setTitle('');
      setResponsible('');
    }
  };
  return html`
    <form class="add-subtask" onSubmit=${submit}>
      <h3>Add a subtask</h3>
      <div class="form-grid">
        <div>
          <label for="new-subtask-title">Subtask title</label>
          <input id="new-subtask-title" value=${title} required onInput=${(e) => setTitle(e.currentTarget.value)} />
        </div>
        <div>
          <${ResponsibleSelect} id="new-subtask-responsible" team=${team} value=${responsible}
            onChange=${setResponsible} label="Responsible" />
        </div>
      </div>
      <${ErrorMessage} error=${action.error} />
      <button type="submit" class="primary" disabled=${action.busy}>Add subtask</button>
    </form>
  `;
}

export function Subtasks({ task, team, onChanged }) {
  const subtasks = task.subtasks || [];
  return html`
    <section class="card stack" aria-labelledby="subtasks-title">
      <h2 id="subtasks-title">Subtasks (${subtasks.length})</h2>
      ${subtasks.length
        ? html`<ul class="plain-list">
            ${subtasks.map((s) => html`<${Subtask} key=${s.id} task=${task} subtask=${s} team=${team} onChanged=${onChanged} />`)}
          </ul>`
        : html`<${Empty}>No subtasks yet.<//>`}
      ${task.canCreateSubtask && task.status !== 2 && html`<${AddSubtask} task=${task} team=${team} onChanged=${onChanged} />`}
    </section>
  `;
}

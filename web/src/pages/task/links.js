// Links between tasks (the API's Gantt dependencies): each link has a parent task and a dependent
// task. The list names the other task of each link, with a link to its page; a person who may edit
// the task adds a link to another task of the project, or removes one.
import { useState } from 'preact/hooks';
import { html } from '../../html.js';
import { api } from '../../api.js';
import { ErrorMessage, Empty } from '../../components/status.js';
import { useAction } from '../../components/use_action.js';

// linkType: 0 start, 1 end, 2 endstart (how the dependent's dates follow the parent's).
const LINK_TYPES = [
  ['start', 'starts together with'],
  ['end', 'ends together with'],
  ['endstart', 'starts after the end of'],
];
const typeWords = (type) => (LINK_TYPES[type] || LINK_TYPES[0])[1];

function LinkItem({ task, link, titleOf, onChanged }) {
  const action = useAction(onChanged);
  const dependent = link.dependenceTaskId === task.id;
  const otherId = dependent ? link.parentTaskId : link.dependenceTaskId;
  const other = html`<a href=${`/tasks/${otherId}`}>${titleOf(otherId)}</a>`;
  const remove = () =>
    action.run(() =>
      api('DELETE', `project/task/${task.id}/link`, {
        params: { parentTaskId: link.parentTaskId, dependenceTaskId: link.dependenceTaskId },
      }),
    );
  return html`
    <li class="row link-item">
      <span>${dependent ? html`This task ${typeWords(link.linkType)} ${other}` : html`${other} ${typeWords(link.linkType)} this task`}</span>
      ${task.canEdit &&
      html`<button type="button" class="link" onClick=${remove} disabled=${action.busy}>
        Remove<span class="visually-hidden"> the link with ${titleOf(otherId)}</span>
      </button>`}
      <${ErrorMessage} error=${action.error} />
    </li>
  `;
}

function AddLink({ task, candidates, onChanged }) {
  const [other, setOther] = useState('');
  const [type, setType] = useState('start');
  const action = useAction(onChanged);
  const submit = async (e) => {
    e.preventDefault();
    const body = { dependenceTaskId: Number(other), linkType: type };
    if (await action.run(() => api('POST', `project/task/${task.id}/link`, { body }))) setOther('');
  };
  if (!candidates.length) return null;
  return html`
    <form onSubmit=${submit}>
      <h3>Add a link</h3>
      <div class="form-grid">
        <div>
          <label for="link-task">Task that depends on this one</label>
          <select id="link-task" value=${other} required onChange=${(e) => setOther(e.currentTarget.value)}>
            <option value="">Choose a task</option>
            ${candidates.map((t) => html`<option value=${t.id}>${t.title}</option>`)}
          </select>
        </div>
        <div>
          <label for="link-type">It</label>
          <select id="link-type" value=${type} onChange=${(e) => setType(e.currentTarget.value)}>
            ${LINK_TYPES.map(([value, words]) => html`<option value=${value}>${words} this task</option>`)}
          </select>
        </div>
      </div>
      <${ErrorMessage} error=${action.error} />
      <button type="submit" class="primary" disabled=${action.busy}>Add link</button>
    </form>
  `;
}

// `projectTasks`: the project's tasks (for names and the choice of a new link), or null.
export function Links({ task, projectTasks, onChanged }) {
  const links = task.links || [];
  const all = projectTasks || [];
  const titleOf = (id) => (all.find((t) => t.id === id) || { title: `Task ${id}` }).title;
  const linked = new Set(links.flatMap((l) => [l.parentTaskId, l.dependenceTaskId]));
  const candidates = all.filter((t) => t.id !== task.id && !linked.has(t.id));
  return html`
    <section class="card stack" aria-labelledby="links-title">
      <h2 id="links-title">Linked tasks (${links.length})</h2>
      ${links.length
        ? html`<ul class="plain-list">
            ${links.map((l) => html`<${LinkItem} key=${`${l.parentTaskId}-${l.dependenceTaskId}`} task=${task} link=${l}
              titleOf=${titleOf} onChanged=${onChanged} />`)}
          </ul>`
        : html`<${Empty}>No linked tasks.<//>`}
      ${task.canEdit && html`<${AddLink} task=${task} candidates=${candidates} onChanged=${onChanged} />`}
    </section>
  `;
}

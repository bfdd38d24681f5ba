// The Board tab: the project's tasks in columns by status. A card moves by dragging it onto a
// column (mouse) or with its "Move to" control (keyboard); the move is shown at once and undone,
// with the server's message, when the server refuses it (e.g. the project was closed meanwhile).
// Closing a task closes its open subtasks with it, as in the original. Cards the caller may not
// edit (canEdit false) cannot be moved, and a status kept for the task's creator and the manager
// is offered only to them (board_columns.js mayMoveTo).
import { useState } from 'preact/hooks';
import { html } from '../../html.js';
import { api } from '../../api.js';
import { formatDate, personName } from '../../format.js';
import { ErrorMessage, Loading } from '../../components/status.js';
import { useApi } from '../../components/use_api.js';
import { useSession } from '../../session.js';
import { boardColumns, columnOf, mayMoveTo, statusChange } from './board_columns.js';

export function BoardTab({ project }) {
  const { me } = useSession();
  const tasks = useApi('project/task/filter', { projectid: project.id, sortBy: 'sort_order' }, [project.id]);
  const statuses = useApi('project/status');
  const [error, setError] = useState(null);
  const [dragged, setDragged] = useState(null);
  if ((tasks.loading && !tasks.data) || statuses.loading) return html`<${Loading} label="Loading the board…" />`;
  if (tasks.error || statuses.error) return html`<${ErrorMessage} error=${tasks.error || statuses.error} />`;
  const columns = boardColumns(statuses.data);
  const allowed = (column, task) => mayMoveTo(column, task, project, me);

  const move = async (task, column) => {
    if (columnOf(task, columns) === column.key) return;
    setError(null);
    const before = task;
    const replace = (next) => tasks.setData((list) => list.map((t) => (t.id === task.id ? next : t)));
    replace({ ...task, status: column.statusType, customTaskStatus: column.id });
    try {
      const saved = await api('PUT', `project/task/${task.id}/status`, { body: statusChange(column) });
      replace({ ...before, ...saved });
    } catch (err) {
      replace(before); // the card goes back where it was
      setError(err);
    }
  };
  const drop = (column) => (e) => {
    e.preventDefault();
    const task = tasks.data.find((t) => t.id === dragged);
    setDragged(null);
    if (task && allowed(column, task)) move(task, column);
  };

  return html`
    <${ErrorMessage} error=${error} />
    <div class="board" role="region" aria-label="Task board" tabindex="0">
      ${columns.map((column) => {
        const cards = tasks.data.filter((t) => columnOf(t, columns) === column.key);
        return html`
          <section key=${column.key} class="board-column" aria-labelledby=${`column-${column.key}`}
            onDragOver=${(e) => dragged && e.preventDefault()} onDrop=${drop(column)}>
            <h3 id=${`column-${column.key}`}>${column.title} <span class="muted">(${cards.length})</span></h3>
            <ul class="cards">
              ${cards.map(
                (task) => html`<${Card} key=${task.id} task=${task}
                  targets=${columns.filter((c) => c.key !== column.key && allowed(c, task))}
                  onMove=${move} onDrag=${setDragged} />`,
              )}
            </ul>
          </section>
        `;
      })}
    </div>
  `;
}

// `targets`: the columns this card may move into.
function Card({ task, targets, onMove, onDrag }) {
  const [target, setTarget] = useState('');
  const selectId = `move-${task.id}`;
  return html`
    <li class="card board-card" data-task=${task.id} draggable=${targets.length > 0}
      onDragStart=${(e) => {
        e.dataTransfer.setData('text/plain', String(task.id));
        onDrag(task.id);
      }}
      onDragEnd=${() => onDrag(null)}>
      <a href=${`/tasks/${task.id}`}>${task.title}</a>
      <p class="muted card-meta">
        ${(task.responsibles || []).map(personName).join(', ') || 'Nobody responsible'}
        ${task.deadline && html`<br />Due ${formatDate(task.deadline)}`}
      </p>
      ${targets.length > 0 &&
      html`<form class="row move-form" onSubmit=${(e) => {
        e.preventDefault();
        const column = targets.find((c) => c.key === target);
        if (column) onMove(task, column);
      }}>
        <label class="visually-hidden" for=${selectId}>Move “${task.title}” to</label>
        <select id=${selectId} value=${target} onChange=${(e) => setTarget(e.currentTarget.value)}>
          <option value="">Move to…</option>
          ${targets.map((c) => html`<option value=${c.key}>${c.title}</option>`)}
        </select>
        <button type="submit" disabled=${!target}>Move</button>
      </form>`}
    </li>
  `;
}

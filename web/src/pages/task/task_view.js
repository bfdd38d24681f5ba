// The task tab (/tasks/{id}): the fields edited in place, subtasks, links and comments. On a wide
// screen the fields and comments take the main column, subtasks and links the side.
import { html } from '../../html.js';
import { useApi } from '../../components/use_api.js';
import { Comments } from './comments.js';
import { Links } from './links.js';
import { Subtasks } from './subtasks.js';
import { TaskFields } from './task_fields.js';

export function TaskView({ task, onSaved, reload }) {
  const projectId = task.projectOwner.id;
  const team = useApi(`project/${projectId}/team`, null, [projectId]);
  const projectTasks = useApi('project/task/filter', { projectid: projectId }, [projectId]);
  // Responsibles are the project's people who are not guests (guests cannot be responsible).
  const people = (team.data || []).filter((p) => !p.isVisitor && !p.isRemovedFromTeam);
  return html`
    <div class="task-layout">
      <div class="task-main stack">
        <section class="card" aria-labelledby="details-title">
          <h2 id="details-title">Details</h2>
          <${TaskFields} task=${task} team=${people} onChanged=${onSaved} />
        </section>
        <${Comments} task=${task} onChanged=${reload} />
      </div>
      <div class="task-side stack">
        <${Subtasks} task=${task} team=${people} onChanged=${reload} />
        <${Links} task=${task} projectTasks=${projectTasks.data} onChanged=${reload} />
      </div>
    </div>
  `;
}

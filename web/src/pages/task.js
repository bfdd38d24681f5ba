// The task page (/tasks/{id}): a breadcrumb to its project, following, and two tabs addressed by
// the query: the task itself and its files (?tab=files). The parts live in pages/task/.
import { html } from '../html.js';
import { Layout } from '../components/layout.js';
import { useApi } from '../components/use_api.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { withParam } from '../router.js';
import { FilesTab } from './task/files_tab.js';
import { SubscribeButton } from './task/subscribe_button.js';
import { TaskView } from './task/task_view.js';

function Breadcrumb({ task }) {
  const project = task.projectOwner;
  return html`
    <nav aria-label="Breadcrumb" class="breadcrumb">
      <ol>
        <li><a href="/projects">Projects</a></li>
        <li><a href=${`/projects/${project.id}`}>${project.title}</a></li>
        <li><a href=${`/tasks/${task.id}`} aria-current="page">Task ${task.id}</a></li>
      </ol>
    </nav>
  `;
}

function Tabs({ task, tab }) {
  const files = (task.files || []).length;
  return html`
    <nav aria-label="Task sections" class="tabs">
      <a href=${withParam('tab', '')} aria-current=${tab === 'task' ? 'page' : undefined}>Task</a>
      <a href=${withParam('tab', 'files')} aria-current=${tab === 'files' ? 'page' : undefined}>Files (${files})</a>
    </nav>
  `;
}

function TaskPage({ taskId, search }) {
  const task = useApi(`project/task/${taskId}`, null, [taskId]);
  const tab = search.get('tab') === 'files' ? 'files' : 'task';
  if (!task.data) {
    return html`<${Layout} title="Task">
      ${task.error ? html`<${ErrorMessage} error=${task.error} />` : html`<${Loading} />`}
    <//>`;
  }
  const t = task.data;
  // Saving a field answers the whole task: it replaces the shown one without another request.
  const onSaved = (saved) => task.setData(saved);
  // Anyone who can read the task may follow it (a guest too), so it is always offered.
  const actions = html`<${SubscribeButton} task=${t} onChanged=${task.reload} />`;
  return html`
    <${Layout} title=${t.title} actions=${actions}>
      <${Breadcrumb} task=${t} />
      <${ErrorMessage} error=${task.error} />
      <${Tabs} task=${t} tab=${tab} />
      ${tab === 'files' ? html`<${FilesTab} task=${t} onChanged=${task.reload} />` : html`<${TaskView} task=${t} onSaved=${onSaved} reload=${task.reload} />`}
    <//>
  `;
}

// Keyed by the task: following a link to another task starts afresh, with none of the previous
// task's data or half-edited fields.
export function Task(props) {
  return html`<${TaskPage} key=${props.taskId} ...${props} />`;
}

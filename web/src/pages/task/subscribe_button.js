// Following the task (isSubscribed of TaskWrapperFull): PUT project/task/{id}/subscribe toggles
// it, and the button says which state the server now has.
import { html } from '../../html.js';
import { api } from '../../api.js';
import { ErrorMessage } from '../../components/status.js';
import { useAction } from '../../components/use_action.js';

export function SubscribeButton({ task, onChanged }) {
  const action = useAction(onChanged);
  const toggle = () => action.run(() => api('PUT', `project/task/${task.id}/subscribe`));
  return html`
    <button type="button" class="subscribe" onClick=${toggle} disabled=${action.busy}>
      ${task.isSubscribed ? 'Unfollow' : 'Follow'}<span class="visually-hidden"> this task</span>
    </button>
    <${ErrorMessage} error=${action.error} />
  `;
}

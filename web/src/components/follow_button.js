// Follow or stop following a project: PUT project/{id}/follow toggles it on the server. Its
// answer (a brief ProjectWrapper) carries no isFollow, so the new state is the old one flipped,
// which is what the toggle did; onChange(isFollow) tells the screen. The button says what it will
// do, with the project's title for screen readers (a list has one button per project).
import { html } from '../html.js';
import { api } from '../api.js';
import { ErrorMessage } from './status.js';
import { useAction } from './use_action.js';

export function FollowButton({ project, onChange }) {
  const action = useAction(() => onChange(!project.isFollow));
  const toggle = () => action.run(() => api('PUT', `project/${project.id}/follow`));
  return html`
    <button type="button" class="follow" disabled=${action.busy} onClick=${toggle}>
      ${project.isFollow ? 'Unfollow' : 'Follow'}<span class="visually-hidden"> ${project.title}</span>
    </button>
    <${ErrorMessage} error=${action.error} />
  `;
}

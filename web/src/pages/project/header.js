// The project page's header: status and manager under the title, and the follow toggle
// (PUT project/{id}/follow switches it; its answer is the project without isFollow, so the
// page flips its own copy once the server agreed).
import { html } from '../../html.js';
import { api } from '../../api.js';
import { personName } from '../../format.js';
import { ErrorMessage } from '../../components/status.js';
import { projectStatusName } from './labels.js';
import { useSubmit } from './use_submit.js';

export function ProjectHeader({ project }) {
  return html`
    <dl class="project-facts">
      <div><dt>Status</dt><dd>${projectStatusName(project.status)}</dd></div>
      <div><dt>Manager</dt><dd>${personName(project.responsible)}</dd></div>
      ${project.isPrivate && html`<div><dt>Access</dt><dd>Private</dd></div>`}
    </dl>
  `;
}

export function FollowButton({ project, onChange }) {
  const call = useSubmit();
  const toggle = async () => {
    if (await call.run(() => api('PUT', `project/${project.id}/follow`))) onChange({ ...project, isFollow: !project.isFollow });
  };
  return html`
    <button type="button" aria-pressed=${project.isFollow ? 'true' : 'false'} disabled=${call.busy} onClick=${toggle}>
      ${project.isFollow ? 'Following' : 'Follow'}
    </button>
    <${ErrorMessage} error=${call.error} />
  `;
}

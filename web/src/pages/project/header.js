// The project page's header: status and manager under the title (the follow toggle beside the
// title is components/follow_button.js).
import { html } from '../../html.js';
import { personName } from '../../format.js';
import { projectStatusName } from './labels.js';

export function ProjectHeader({ project }) {
  return html`
    <dl class="project-facts">
      <div><dt>Status</dt><dd>${projectStatusName(project.status)}</dd></div>
      <div><dt>Manager</dt><dd>${personName(project.responsible)}</dd></div>
      ${project.isPrivate && html`<div><dt>Access</dt><dd>Private</dd></div>`}
    </dl>
  `;
}

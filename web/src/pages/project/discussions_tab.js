// The Discussions tab: the project's discussions (title, author, date, comment count) and a
// "New discussion" dialog when security.canCreateMessage allows; with ?message={id} it shows that
// discussion instead (discussion.js).
import { html } from '../../html.js';
import { api } from '../../api.js';
import { withParam } from '../../router.js';
import { formatDate, personName } from '../../format.js';
import { useApi } from '../../components/use_api.js';
import { CreateAction } from './form_dialog.js';
import { Discussion } from './discussion.js';
import { TeamPicker } from './team.js';
import { ListStatus, hasItems } from './list_status.js';

export function DiscussionsTab({ project, search }) {
  const open = search.get('message');
  if (open) return html`<${Discussion} project=${project} messageId=${open} />`;
  return html`<${DiscussionList} project=${project} />`;
}

function DiscussionList({ project }) {
  const messages = useApi(`project/${project.id}/message`, null, [project.id]);
  return html`
    <${CreateAction} allowed=${project.security.canCreateMessage} label="New discussion" title="New discussion"
      submitLabel="Start discussion" onDone=${messages.reload} submit=${(form) => createDiscussion(project.id, form)}>
      <${DiscussionFields} project=${project} />
    <//>
    <${ListStatus} result=${messages} loading="Loading discussions…" empty="No discussions yet." />
    ${hasItems(messages) &&
    html`<ul class="discussion-list">
      ${messages.data.map(
        (m) => html`<li key=${m.id} class="card" data-message=${m.id}>
          <h3><a href=${withParam('message', m.id)}>${m.title}</a></h3>
          <p class="muted">
            ${personName(m.createdBy)}, ${formatDate(m.created, { time: true })} ·
            ${m.commentsCount === 1 ? '1 comment' : `${m.commentsCount || 0} comments`}
          </p>
        </li>`,
      )}
    </ul>`}
  `;
}

function createDiscussion(projectId, form) {
  return api('POST', `project/${projectId}/message`, {
    body: { title: form.get('title'), content: form.get('content'), participants: form.getAll('participants') },
  });
}

function DiscussionFields({ project }) {
  return html`
    <label for="new-discussion-title">Title</label>
    <input id="new-discussion-title" name="title" required maxlength="250" />
    <label for="new-discussion-text">Text</label>
    <p class="muted hint" id="new-discussion-hint">Simple HTML such as ${'<b>'} and ${'<a>'} is kept; anything else is removed.</p>
    <textarea id="new-discussion-text" name="content" required aria-describedby="new-discussion-hint"></textarea>
    <${TeamPicker} projectId=${project.id} label="Participants" name="participants" guests=${true} />
  `;
}

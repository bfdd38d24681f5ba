// A task's comments as the task gives them (TaskWrapperFull.comments: a tree, replies in
// commentList), their text set only through SanitizedHtml; adding a comment and replying to one.
// What a person types is sent as text made into HTML (escaped, line breaks kept), so "<b>" typed
// in a comment shows as "<b>".
import { useState } from 'preact/hooks';
import { html } from '../../html.js';
import { api } from '../../api.js';
import { SanitizedHtml } from '../../components/sanitized_html.js';
import { ErrorMessage, Empty } from '../../components/status.js';
import { useAction } from '../../components/use_action.js';

export function textToHtml(text) {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function CommentForm({ task, parent, onDone, onCancel }) {
  const [text, setText] = useState('');
  const action = useAction(onDone);
  const id = parent ? `reply-${parent.commentID}` : 'new-comment';
  const submit = async (e) => {
    e.preventDefault();
    const body = { content: textToHtml(text), parentid: parent ? parent.commentID : undefined };
    if (await action.run(() => api('POST', `project/task/${task.id}/comment`, { body }))) setText('');
  };
  return html`
    <form class="comment-form" onSubmit=${submit}>
      <label for=${id}>${parent ? `Reply to ${parent.userFullName}` : 'Add a comment'}</label>
      <textarea id=${id} required value=${text} onInput=${(e) => setText(e.currentTarget.value)} />
      <${ErrorMessage} error=${action.error} />
      <div class="row">
        <button type="submit" class="primary" disabled=${action.busy}>${parent ? 'Reply' : 'Comment'}</button>
        ${onCancel && html`<button type="button" onClick=${onCancel}>Cancel</button>`}
      </div>
    </form>
  `;
}

function Comment({ task, comment, onChanged }) {
  const [replying, setReplying] = useState(false);
  const replies = comment.commentList || [];
  return html`
    <li class="comment">
      <article aria-label=${`Comment by ${comment.userFullName}`}>
        <p class="comment-meta"><strong>${comment.userFullName}</strong> <span class="muted">${comment.timeStampStr}</span></p>
        ${comment.inactive
          ? html`<p class="muted">This comment was deleted.</p>`
          : html`<${SanitizedHtml} class="comment-body" markup=${comment.commentBody} />`}
        ${task.canCreateComment && comment.isResponsePermissions && !replying &&
        html`<button type="button" class="link" onClick=${() => setReplying(true)}>
          Reply<span class="visually-hidden"> to ${comment.userFullName}</span>
        </button>`}
        ${replying &&
        html`<${CommentForm} task=${task} parent=${comment} onCancel=${() => setReplying(false)}
          onDone=${() => {
            setReplying(false);
            return onChanged();
          }} />`}
      </article>
      ${replies.length > 0 &&
      html`<ul class="comments replies">
        ${replies.map((r) => html`<${Comment} key=${r.commentID} task=${task} comment=${r} onChanged=${onChanged} />`)}
      </ul>`}
    </li>
  `;
}

export function Comments({ task, onChanged }) {
  const comments = task.comments || [];
  return html`
    <section class="card stack" aria-labelledby="comments-title">
      <h2 id="comments-title">Comments (${task.commentsCount || 0})</h2>
      ${comments.length
        ? html`<ul class="comments">
            ${comments.map((c) => html`<${Comment} key=${c.commentID} task=${task} comment=${c} onChanged=${onChanged} />`)}
          </ul>`
        : html`<${Empty}>No comments yet.<//>`}
      ${task.canCreateComment && html`<${CommentForm} task=${task} onDone=${onChanged} />`}
    </section>
  `;
}

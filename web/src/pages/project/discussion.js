// One discussion (?view=discussions&message={id}): its text and comments, both HTML the server
// sanitised when they were stored (shown only through SanitizedHtml), and a form to comment
// (POST project/message/{id}/comment) when the discussion's canCreateComment allows.
import { useState } from 'preact/hooks';
import { html } from '../../html.js';
import { api } from '../../api.js';
import { withParam } from '../../router.js';
import { formatDate, personName } from '../../format.js';
import { SanitizedHtml } from '../../components/sanitized_html.js';
import { ErrorMessage, Empty, Loading } from '../../components/status.js';
import { useApi } from '../../components/use_api.js';
import { useAction } from '../../components/use_action.js';

export function Discussion({ messageId }) {
  const message = useApi(`project/message/${messageId}`, null, [messageId]);
  const comments = useApi(`project/message/${messageId}/comment`, null, [messageId]);
  const back = html`<p><a href=${withParam('message', '')}>← All discussions</a></p>`;
  if (message.loading && !message.data) return html`${back}<${Loading} />`;
  if (message.error) return html`${back}<${ErrorMessage} error=${message.error} />`;
  const m = message.data;
  return html`
    ${back}
    <article class="card discussion" data-message=${m.id}>
      <h3>${m.title}</h3>
      <p class="muted">${personName(m.createdBy)}, ${formatDate(m.created, { time: true })}</p>
      <${SanitizedHtml} class="rich-text" markup=${m.text} />
    </article>
    <section class="comments" aria-labelledby="comments-title">
      <h3 id="comments-title">Comments</h3>
      ${comments.loading && !comments.data && html`<${Loading} label="Loading comments…" />`}
      <${ErrorMessage} error=${comments.error} />
      ${comments.data && comments.data.length === 0 && html`<${Empty}>No comments yet.<//>`}
      ${comments.data && comments.data.length > 0 &&
      html`<ul class="comment-list">
        ${comments.data.filter((c) => !c.inactive).map(
          (c) => html`<li key=${c.id} class="card">
            <p class="muted">${personName(c.createdBy)}, ${formatDate(c.created, { time: true })}</p>
            <${SanitizedHtml} class="rich-text" markup=${c.text} />
          </li>`,
        )}
      </ul>`}
      ${m.canCreateComment && html`<${CommentForm} messageId=${m.id} onAdded=${comments.reload} />`}
    </section>
  `;
}

function CommentForm({ messageId, onAdded }) {
  const [text, setText] = useState('');
  const call = useAction();
  const submit = async (e) => {
    e.preventDefault();
    const added = await call.run(() => api('POST', `project/message/${messageId}/comment`, { body: { content: text } }));
    if (!added) return;
    setText('');
    onAdded();
  };
  return html`
    <form class="comment-form" onSubmit=${submit}>
      <${ErrorMessage} error=${call.error} />
      <label for="new-comment">Add a comment</label>
      <textarea id="new-comment" required value=${text} onInput=${(e) => setText(e.currentTarget.value)}></textarea>
      <button type="submit" class="primary" disabled=${call.busy}>${call.busy ? 'Sending…' : 'Comment'}</button>
    </form>
  `;
}

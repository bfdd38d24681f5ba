// Follow or stop following a project from the list: PUT project/{id}/follow toggles it on the
// server. Its answer (a brief ProjectWrapper) carries no isFollow, so the new state is the old one
// flipped, which is what the toggle did.
import { useState } from 'preact/hooks';
import { html } from '../../html.js';
import { api } from '../../api.js';
import { ErrorMessage } from '../../components/status.js';

export function FollowButton({ project, onChange }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('PUT', `project/${project.id}/follow`);
      onChange(!project.isFollow);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  // The state shows as the list's "Following" marker; the button says what it will do.
  // The project's title is in the button's name so a screen reader's list of buttons makes sense.
  return html`
    <button type="button" class="follow" disabled=${busy} onClick=${toggle}>
      ${project.isFollow ? 'Unfollow' : 'Follow'}<span class="visually-hidden"> ${project.title}</span>
    </button>
    <${ErrorMessage} error=${error} />
  `;
}

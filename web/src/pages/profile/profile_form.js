// Editing your own name and job title (PUT people/{id}). After a change the session's `me` is
// reloaded so the header shows the new name too.
import { useState } from 'preact/hooks';
import { html } from '../../html.js';
import { api } from '../../api.js';
import { useSession } from '../../session.js';
import { FormEnd } from '../../components/form_end.js';
import { useSubmit } from '../../components/use_action.js';

export function ProfileForm() {
  const { me, refresh } = useSession();
  const [saved, setSaved] = useState(false);
  const { busy, error, onSubmit } = useSubmit(async (form) => {
    setSaved(false);
    await api('PUT', `people/${me.id}`, {
      body: { firstName: form.get('firstName'), lastName: form.get('lastName'), title: form.get('title') },
    });
    await refresh();
    setSaved(true);
  });
  return html`
    <form class="card" onSubmit=${onSubmit} aria-labelledby="profile-edit-title">
      <h2 id="profile-edit-title">Your name and title</h2>
      <div class="name-fields">
        <div>
          <label for="profile-first">First name</label>
          <input id="profile-first" name="firstName" defaultValue=${me.firstName} autocomplete="given-name" />
        </div>
        <div>
          <label for="profile-last">Last name</label>
          <input id="profile-last" name="lastName" defaultValue=${me.lastName} autocomplete="family-name" />
        </div>
      </div>
      <label for="profile-title">Job title</label>
      <input id="profile-title" name="title" defaultValue=${me.title || ''} autocomplete="organization-title" />
      <p role="status" class="saved">${saved ? 'Saved.' : ''}</p>
      <${FormEnd} error=${error} busy=${busy} label="Save" busyLabel="Saving…" />
    </form>
  `;
}

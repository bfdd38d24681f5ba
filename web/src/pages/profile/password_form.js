// Changing your own password (PUT people/{id}/password with currentPassword). A wrong current
// password is the server's refusal, shown as it says it. The server then ends every session of
// the account, this one included, so the app returns to sign-in (its usual flow for an ended
// session: sign in with the new password and come back here).
import { useState } from 'preact/hooks';
import { html } from '../../html.js';
import { api } from '../../api.js';
import { useSession } from '../../session.js';
import { FormEnd } from '../../components/form_end.js';
import { useSubmit } from '../../components/use_action.js';

export function PasswordForm() {
  const { me, refresh } = useSession();
  const [mismatch, setMismatch] = useState(null);
  const { busy, error, onSubmit } = useSubmit(async (form) => {
    setMismatch(null);
    if (form.get('password') !== form.get('confirm')) {
      setMismatch('The new password and its confirmation differ.');
      return;
    }
    await api('PUT', `people/${me.id}/password`, {
      body: { currentPassword: form.get('currentPassword'), password: form.get('password') },
    });
    // The session was revoked with the old password: asking who is signed in answers 401, and
    // the app goes to sign-in with a way back to this page.
    await refresh();
  });
  return html`
    <form class="card" onSubmit=${onSubmit} aria-labelledby="profile-password-title">
      <h2 id="profile-password-title">Change your password</h2>
      <p class="muted">Every place you are signed in, this one too, signs out; sign in again with the new password.</p>
      <input type="text" name="username" autocomplete="username" value=${me.email} hidden />
      <label for="profile-current-password">Current password</label>
      <input id="profile-current-password" name="currentPassword" type="password" autocomplete="current-password" />
      <label for="profile-new-password">New password</label>
      <input id="profile-new-password" name="password" type="password" autocomplete="new-password" />
      <label for="profile-confirm-password">New password again</label>
      <input id="profile-confirm-password" name="confirm" type="password" autocomplete="new-password" />
      <${FormEnd} error=${mismatch || error} busy=${busy} label="Change password" busyLabel="Changing…" />
    </form>
  `;
}

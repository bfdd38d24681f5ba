// An administrator sets another person's password (PUT people/{id}/password, no current password
// needed for someone else). The server signs that person out everywhere.
import { html } from '../../html.js';
import { api } from '../../api.js';
import { personName } from '../../format.js';
import { Dialog } from '../../components/dialog.js';
import { FormEnd } from '../../components/form_end.js';
import { useSubmit } from '../../components/use_action.js';

function ResetPasswordForm({ person, onDone }) {
  const { busy, error, onSubmit } = useSubmit(async (form) => {
    await api('PUT', `people/${person.id}/password`, { body: { password: form.get('password') } });
    onDone(person);
  });
  return html`
    <form onSubmit=${onSubmit}>
      <p>${personName(person)} will be signed out everywhere and sign in with the new password.</p>
      <label for="reset-password">New password</label>
      <input id="reset-password" name="password" type="password" autocomplete="new-password" autofocus />
      <${FormEnd} error=${error} busy=${busy} label="Set password" busyLabel="Saving…" />
    </form>
  `;
}

// `person` set opens the dialog for them; onClose() when it closes, done or not.
export function ResetPassword({ person, onClose, onDone }) {
  return html`
    <${Dialog} open=${Boolean(person)} title="Reset password" onClose=${onClose}>
      ${person && html`<${ResetPasswordForm} person=${person} onDone=${onDone} />`}
    <//>
  `;
}

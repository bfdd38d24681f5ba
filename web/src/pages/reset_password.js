// The page a password reset mail links to (/reset-password?token=...): the new password, twice;
// POST people/password/reset sets it and signs every session of the person out, then sign in.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { navigate } from '../router.js';
import { ErrorMessage } from '../components/status.js';

export function ResetPassword({ token }) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const password = form.get('password');
    setMismatch(password !== form.get('again'));
    if (password !== form.get('again')) return;
    setBusy(true);
    setError(null);
    try {
      await api('POST', 'people/password/reset', { body: { token, password } });
      setDone(true);
    } catch (err) {
      setError(err);
    }
    setBusy(false);
  };
  if (done)
    return html`
      <main id="main" class="signin">
        <div class="card">
          <h1>Your password was changed</h1>
          <p class="notice" role="status">Every session of yours was signed out. Sign in with the new password.</p>
          <button type="button" class="primary" onClick=${() => navigate('/signin', { replace: true })}>Sign in</button>
        </div>
      </main>
    `;
  return html`
    <main id="main" class="signin">
      <form class="card" onSubmit=${submit} aria-labelledby="reset-title">
        <h1 id="reset-title">Choose a new password</h1>
        <${ErrorMessage} error=${error} />
        ${mismatch && html`<p class="error" role="alert">The two passwords differ.</p>`}
        <label for="reset-password">New password</label>
        <input id="reset-password" name="password" type="password" autocomplete="new-password" required autofocus />
        <label for="reset-again">The new password again</label>
        <input id="reset-again" name="again" type="password" autocomplete="new-password" required />
        <button type="submit" class="primary" disabled=${busy || !token}>${busy ? 'Saving…' : 'Set the password'}</button>
      </form>
    </main>
  `;
}

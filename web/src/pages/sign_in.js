// Sign in: POST authentication sets the HttpOnly cookie; then back to where the person was
// (`next`, an address of this app only).
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { signIn } from '../session.js';
import { ErrorMessage } from '../components/status.js';

export function safeNext(next) {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/api/')
    ? next
    : '/projects';
}

export function SignIn({ next, onSignedIn, expired }) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(form.get('userName'), form.get('password'));
      await onSignedIn(safeNext(next));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return html`
    <main id="main" class="signin">
      <form class="card" onSubmit=${submit} aria-labelledby="signin-title">
        <h1 id="signin-title">Sign in to projectd</h1>
        ${expired && html`<p class="notice" role="status">Your session has ended. Sign in again to go on.</p>`}
        <${ErrorMessage} error=${error} />
        <label for="signin-user">Email or user name</label>
        <input id="signin-user" name="userName" autocomplete="username" required autofocus />
        <label for="signin-password">Password</label>
        <input id="signin-password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit" class="primary" disabled=${busy}>${busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  `;
}

// Sign in: POST authentication sets the HttpOnly cookie; then back to where the person was
// (`next`, an address of this app only).
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { signIn } from '../session.js';
import { api } from '../api.js';
import { ErrorMessage } from '../components/status.js';

export function safeNext(next) {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/api/')
    ? next
    : '/projects';
}

// "Forgot your password?": POST people/password mails a reset link. The answer is the same whether
// or not the address has an account, and so is what this form says.
function ForgotPassword({ onBack }) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    const email = new FormData(e.currentTarget).get('email');
    setBusy(true);
    setError(null);
    try {
      await api('POST', 'people/password', { body: { email } });
      setSent(true);
    } catch (err) {
      setError(err);
    }
    setBusy(false);
  };
  return html`
    <main id="main" class="signin">
      <form class="card" onSubmit=${submit} aria-labelledby="forgot-title">
        <h1 id="forgot-title">Forgot your password?</h1>
        ${sent
          ? html`<p class="notice" role="status">If this address belongs to an account, a link to choose a new password is on its way. It works once, for an hour.</p>`
          : html`<p>Enter the email of your account: we mail you a link to choose a new password.</p>`}
        <${ErrorMessage} error=${error} />
        <label for="forgot-email">Email</label>
        <input id="forgot-email" name="email" type="email" autocomplete="email" required autofocus />
        <button type="submit" class="primary" disabled=${busy}>${busy ? 'Sending…' : 'Send the link'}</button>
        <button type="button" class="link" onClick=${onBack}>Back to sign in</button>
      </form>
    </main>
  `;
}

export function SignIn({ next, onSignedIn, expired }) {
  const [forgot, setForgot] = useState(false);
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
  if (forgot) return html`<${ForgotPassword} onBack=${() => setForgot(false)} />`;
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
        <button type="button" class="link" onClick=${() => setForgot(true)}>Forgot your password?</button>
      </form>
    </main>
  `;
}

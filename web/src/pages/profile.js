// The Profile page (`/profile`): who is signed in (name, email, title, type), editing your own
// name and title, and changing your own password. Its parts are in pages/profile/.
import { html } from '../html.js';
import { useSession } from '../session.js';
import { Layout } from '../components/layout.js';
import { PasswordForm } from './profile/password_form.js';
import { ProfileForm } from './profile/profile_form.js';

function About({ me }) {
  const kind = me.isAdmin ? 'Administrator' : me.isVisitor ? 'Guest' : 'User';
  return html`
    <section class="card profile-about" aria-labelledby="profile-about-title">
      <h2 id="profile-about-title">${me.displayName}</h2>
      <dl>
        <div><dt>Email</dt><dd>${me.email}</dd></div>
        <div><dt>Job title</dt><dd>${me.title || '—'}</dd></div>
        <div><dt>Account</dt><dd>${kind}</dd></div>
      </dl>
    </section>
  `;
}

export function Profile() {
  const { me } = useSession();
  return html`
    <${Layout} title="Profile">
      <div class="profile-page">
        <${About} me=${me} />
        <${ProfileForm} />
        <${PasswordForm} />
      </div>
    <//>
  `;
}

// The People page (`/people`, administrators): everyone with their type, status and the
// administrator marker; add a person, disable or enable them, reset a password. Anyone else who
// opens the address is told it is for administrators (the nav already hides it from them).
// Its parts are in pages/people/.
import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { personName } from '../format.js';
import { isAdmin, useSession } from '../session.js';
import { Layout } from '../components/layout.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { useApi } from '../components/use_api.js';
import { AddPerson } from './people/add_person.js';
import { PersonRow } from './people/person_row.js';
import { ResetPassword } from './people/reset_password.js';

function PeopleTable() {
  const { me } = useSession();
  const people = useApi('people/filter');
  const [resetting, setResetting] = useState(null);
  const [notice, setNotice] = useState('');
  const replace = (changed) =>
    people.setData((list) => list.map((p) => (p.id === changed.id ? changed : p)));
  const added = (person) => {
    people.setData((list) => [...list, person]);
    setNotice(`${personName(person)} was added.`);
  };
  const passwordSet = (person) => {
    setResetting(null);
    setNotice(`The password of ${personName(person)} was changed.`);
  };
  return html`
    <div class="people-head row">
      <${AddPerson} onAdded=${added} />
      <p class="people-notice" role="status">${notice}</p>
    </div>
    ${people.loading && html`<${Loading} label="Loading people…" />`}
    <${ErrorMessage} error=${people.error} />
    ${people.data &&
    html`<div class="table-wrap">
      <table class="people-table">
        <caption class="visually-hidden">Everyone who can sign in</caption>
        <thead><tr><th scope="col">Person</th><th scope="col">Account</th><th scope="col">Actions</th></tr></thead>
        <tbody>
          ${people.data.map(
            (p) => html`<${PersonRow} key=${p.id} person=${p} isMe=${p.id === me.id}
              onChanged=${replace} onResetPassword=${setResetting} />`,
          )}
        </tbody>
      </table>
    </div>`}
    <${ResetPassword} person=${resetting} onClose=${() => setResetting(null)} onDone=${passwordSet} />
  `;
}

export function People() {
  const { me } = useSession();
  return html`
    <${Layout} title="People">
      ${isAdmin(me)
        ? html`<${PeopleTable} />`
        : html`<${ErrorMessage} error="Only administrators can see and manage people." />`}
    <//>
  `;
}

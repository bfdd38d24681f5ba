// One person in the People table, with what an administrator does to them: disable or enable
// (PUT people/status/{terminated|active}; a disabled person's sessions stop at once) and reset the
// password. Neither is offered on your own row: the server keeps you active, and your own password
// is changed on the Profile page with your current one.
import { html } from '../../html.js';
import { api } from '../../api.js';
import { personName } from '../../format.js';
import { ErrorMessage } from '../../components/status.js';
import { useAction } from '../../components/use_action.js';

const ACTIVE = 1; // EmployeeStatus: 1 active, 2 terminated (disabled)

export function PersonRow({ person, isMe, onChanged, onResetPassword }) {
  const { busy, error, run } = useAction(([changed]) => onChanged(changed));
  const active = person.status === ACTIVE;
  const name = personName(person);
  const setStatus = () =>
    run(() =>
      api('PUT', `people/status/${active ? 'terminated' : 'active'}`, { body: { userIds: [person.id] } }),
    );
  return html`
    <tr class=${active ? '' : 'person-disabled'}>
      <th scope="row">
        ${name}${isMe && html` <span class="muted">(you)</span>`}
        ${person.title && html`<div class="muted person-detail">${person.title}</div>`}
        <div class="person-detail person-email">${person.email}</div>
      </th>
      <td>
        ${person.isVisitor ? 'Guest' : 'User'}${person.isAdmin && html` <span class="badge">Administrator</span>`}
        <div class=${`status status-${active ? 'active' : 'disabled'}`}>${active ? 'Active' : 'Disabled'}</div>
      </td>
      <td>
        ${!isMe &&
        html`<div class="row person-actions">
          <button type="button" disabled=${busy} onClick=${setStatus} class=${active ? 'danger' : ''}>
            ${active ? 'Disable' : 'Enable'}<span class="visually-hidden"> ${name}</span>
          </button>
          <button type="button" onClick=${() => onResetPassword(person)}>
            Reset password<span class="visually-hidden"> of ${name}</span>
          </button>
        </div>`}
        <${ErrorMessage} error=${error} />
      </td>
    </tr>
  `;
}

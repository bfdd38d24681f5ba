// Adding a person (POST people, administrators): name, email, user or guest, a first password.
// The server checks everything (a taken email, a weak password) and its refusal is shown here.
import { useState } from 'preact/hooks';
import { html } from '../../html.js';
import { api } from '../../api.js';
import { Dialog } from '../../components/dialog.js';
import { FormEnd } from '../../components/form_end.js';
import { useSubmit } from '../../components/use_action.js';

function AddPersonForm({ onAdded }) {
  const { busy, error, onSubmit } = useSubmit(async (form) => {
    const person = await api('POST', 'people', {
      body: {
        firstName: form.get('firstName'),
        lastName: form.get('lastName'),
        email: form.get('email'),
        title: form.get('title'),
        isVisitor: form.get('type') === 'guest',
        password: form.get('password'),
      },
    });
    onAdded(person);
  });
  return html`
    <form class="person-form" onSubmit=${onSubmit}>
      <div class="name-fields">
        <div>
          <label for="add-person-first">First name</label>
          <input id="add-person-first" name="firstName" autocomplete="off" autofocus />
        </div>
        <div>
          <label for="add-person-last">Last name</label>
          <input id="add-person-last" name="lastName" autocomplete="off" />
        </div>
      </div>
      <label for="add-person-email">Email</label>
      <input id="add-person-email" name="email" type="email" autocomplete="off" />
      <label for="add-person-title">Job title (optional)</label>
      <input id="add-person-title" name="title" autocomplete="off" />
      <fieldset>
        <legend>Type</legend>
        <label class="choice"><input type="radio" name="type" value="user" checked /> User: works on projects</label>
        <label class="choice"><input type="radio" name="type" value="guest" /> Guest: reads what is shared, edits nothing</label>
      </fieldset>
      <label for="add-person-password">Password</label>
      <input id="add-person-password" name="password" type="password" autocomplete="new-password" />
      <${FormEnd} error=${error} busy=${busy} label="Add person" busyLabel="Adding…" />
    </form>
  `;
}

export function AddPerson({ onAdded }) {
  const [open, setOpen] = useState(false);
  const added = (person) => {
    setOpen(false);
    onAdded(person);
  };
  return html`
    <button type="button" class="primary" onClick=${() => setOpen(true)}>Add a person</button>
    <${Dialog} open=${open} title="Add a person" onClose=${() => setOpen(false)}>
      <${AddPersonForm} onAdded=${added} />
    <//>
  `;
}

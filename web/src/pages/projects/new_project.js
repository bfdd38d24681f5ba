// Creating a project (POST project): title, description, manager, team, private. Offered only to
// those who may create one (not guests: the page decides). On success the app opens the new
// project's page; a refusal (an empty title, say) shows the server's message in the form.
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../../html.js';
import { api } from '../../api.js';
import { navigate } from '../../router.js';
import { useSession } from '../../session.js';
import { Dialog } from '../../components/dialog.js';
import { PersonPicker } from '../../components/person_picker.js';
import { ErrorMessage, Loading } from '../../components/status.js';
import { useApi } from '../../components/use_api.js';
import { FormEnd } from '../../components/form_end.js';
import { useSubmit } from '../../components/use_action.js';

function NewProjectForm() {
  const { me } = useSession();
  // One load for both pickers; only active people can be a manager or join a team.
  const people = useApi('people/filter', { employeeStatus: 'active' });
  const [manager, setManager] = useState([me.id]);
  const [team, setTeam] = useState([]);
  // The dialog opened while people were loading, so its own focus went to "Close": once the form
  // is there, start in its first field.
  const title = useRef(null);
  const ready = Boolean(people.data);
  useEffect(() => {
    if (ready && title.current) title.current.focus();
  }, [ready]);
  const { busy, error, onSubmit } = useSubmit(async (form) => {
    const project = await api('POST', 'project', {
      body: {
        title: form.get('title'),
        description: form.get('description'),
        responsibleId: manager[0],
        participants: team,
        private: form.get('private') === 'on',
      },
    });
    navigate(`/projects/${project.id}`);
  });
  if (people.loading) return html`<${Loading} label="Loading people…" />`;
  if (people.error) return html`<${ErrorMessage} error=${people.error} />`;
  return html`
    <form class="new-project" onSubmit=${onSubmit}>
      <label for="new-project-title">Title</label>
      <input id="new-project-title" name="title" autocomplete="off" ref=${title} />
      <label for="new-project-description">Description</label>
      <textarea id="new-project-description" name="description"></textarea>
      <div class="new-project-people">
        <${PersonPicker} label="Manager" multiple=${false} people=${people.data} value=${manager}
          onChange=${setManager} name="responsibleId" />
        <${PersonPicker} label="Team" people=${people.data} value=${team} onChange=${setTeam} />
      </div>
      <label class="choice">
        <input type="checkbox" name="private" /> Private: only the team sees it
      </label>
      <${FormEnd} error=${error} busy=${busy} label="Create project" busyLabel="Creating…" />
    </form>
  `;
}

// The "New project" button and its dialog.
export function NewProject() {
  const [open, setOpen] = useState(false);
  return html`
    <button type="button" class="primary" onClick=${() => setOpen(true)}>New project</button>
    <${Dialog} open=${open} title="New project" onClose=${() => setOpen(false)}>
      <${NewProjectForm} />
    <//>
  `;
}

// The project's team (project/{id}/team) as the people a form offers: responsibles of a task, a
// milestone's responsible, a discussion's participants. Guests cannot be given work, so they are
// offered only where they may take part (a discussion).
import { useState } from 'preact/hooks';
import { html } from '../../html.js';
import { PersonPicker } from '../../components/person_picker.js';
import { ErrorMessage, Loading } from '../../components/status.js';
import { useApi } from '../../components/use_api.js';

// A PersonPicker over the team, its choice kept here and sent with the form under `name`.
export function TeamPicker({ projectId, label, name, multiple = true, guests = false }) {
  const team = useApi(`project/${projectId}/team`, null, [projectId]);
  const [chosen, setChosen] = useState([]);
  if (team.loading) return html`<${Loading} label="Loading the team…" />`;
  if (team.error) return html`<${ErrorMessage} error=${team.error} />`;
  const people = team.data.filter((p) => guests || !p.isVisitor);
  return html`<${PersonPicker} label=${label} name=${name} multiple=${multiple} people=${people}
    value=${chosen} onChange=${setChosen} />`;
}

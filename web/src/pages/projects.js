// The Projects page (`/` and `/projects`): the filters, kept in the address, the list the server
// finds for them, and "New project" for those who may create one (administrators and users, not
// guests). Its parts are in pages/projects/.
import { html } from '../html.js';
import { Layout } from '../components/layout.js';
import { isGuest, useSession } from '../session.js';
import { NewProject } from './projects/new_project.js';
import { ProjectFilters, filtersFrom } from './projects/project_filters.js';
import { ProjectList } from './projects/project_list.js';

export function Projects({ search }) {
  const { me } = useSession();
  const filters = filtersFrom(search);
  return html`
    <${Layout} title="Projects" actions=${!isGuest(me) && html`<${NewProject} />`}>
      <div class="projects-page">
        <${ProjectFilters} filters=${filters} />
        <${ProjectList} filters=${filters} />
      </div>
    <//>
  `;
}

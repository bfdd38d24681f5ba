// Which page each address shows. Every pattern here is also a server route that answers the app
// (src/api/web/web_app_api.cc, add_web_app_routes): add both together.
import { html } from './html.js';
import { Layout } from './components/layout.js';
import { Projects } from './pages/projects.js';
import { Project } from './pages/project.js';
import { Task } from './pages/task.js';
import { People } from './pages/people.js';
import { Profile } from './pages/profile.js';

export const routes = [
  ['/', Projects],
  ['/projects', Projects],
  ['/projects/:projectId', Project],
  ['/tasks/:taskId', Task],
  ['/people', People],
  ['/profile', Profile],
];

export function NotFound() {
  return html`<${Layout} title="Not found"><p>There is no page at this address. <a href="/projects">See the projects</a>.</p><//>`;
}

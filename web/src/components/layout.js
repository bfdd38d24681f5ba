// The frame of every signed-in page: a skip link, the header with the app's sections and the
// person, and the page's <main> whose heading is focused on navigation so a screen reader
// announces the new page.
import { useEffect, useRef } from 'preact/hooks';
import { html } from '../html.js';
import { isAdmin, useSession } from '../session.js';

export function Layout({ title, children, actions }) {
  const { me, signOut } = useSession();
  const heading = useRef(null);
  useEffect(() => {
    document.title = title ? `${title} · projectd` : 'projectd';
    if (heading.current) heading.current.focus({ preventScroll: true });
  }, [title]);
  const here = location.pathname === '/' ? '/projects' : location.pathname; // '/' is the list
  const current = (prefix) => (here === prefix || here.startsWith(`${prefix}/`) ? 'page' : undefined);
  return html`
    <a class="skip" href="#main">Skip to content</a>
    <header class="top">
      <a class="brand" href="/projects">projectd</a>
      <nav aria-label="Sections">
        <a href="/projects" aria-current=${current('/projects')}>Projects</a>
        ${isAdmin(me) && html`<a href="/people" aria-current=${current('/people')}>People</a>`}
      </nav>
      <div class="me">
        <a href="/profile" aria-current=${current('/profile')}>${me ? me.displayName : ''}</a>
        <button type="button" class="link" onClick=${signOut}>Sign out</button>
      </div>
    </header>
    <main id="main">
      <div class="page-head">
        <h1 tabindex="-1" ref=${heading}>${title}</h1>
        ${actions && html`<div class="actions">${actions}</div>`}
      </div>
      ${children}
    </main>
  `;
}

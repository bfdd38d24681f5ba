// The app's addresses, with the History API: each is also a server route that answers the app
// (src/api/web/web_app_api.cc), so a reload or a shared link opens the same page.
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set();

function current() {
  return { path: location.pathname, search: new URLSearchParams(location.search) };
}

export function navigate(to, { replace = false } = {}) {
  if (to === location.pathname + location.search) return;
  history[replace ? 'replaceState' : 'pushState'](null, '', to);
  listeners.forEach((listener) => listener(current()));
  window.scrollTo(0, 0);
}

addEventListener('popstate', () => listeners.forEach((listener) => listener(current())));

// Same-origin links in the app navigate without a reload; a modified click opens a tab as usual.
addEventListener('click', (e) => {
  const a = e.target.closest && e.target.closest('a[href]');
  if (!a || a.target || a.hasAttribute('download') || e.defaultPrevented) return;
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  if (url.pathname.startsWith('/Products/') || url.pathname.startsWith('/products/')) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});

export function useLocation() {
  const [where, setWhere] = useState(current);
  useEffect(() => {
    listeners.add(setWhere);
    return () => listeners.delete(setWhere);
  }, []);
  return where;
}

// Matches `path` against patterns like '/projects/:id'; returns the params or null.
export function match(pattern, path) {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

// Changes one query parameter of the current address (a tab, a filter), keeping the rest.
export function withParam(name, value) {
  const search = new URLSearchParams(location.search);
  if (value === undefined || value === null || value === '') search.delete(name);
  else search.set(name, value);
  const text = search.toString();
  return location.pathname + (text ? `?${text}` : '');
}

// The web app's entry: who is signed in, and which page the address shows (docs/web-app.md).
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from './html.js';
import { onSignedOut } from './api.js';
import { match, navigate, useLocation } from './router.js';
import { SessionContext, loadMe, signOut } from './session.js';
import { ErrorMessage, Loading } from './components/status.js';
import { SignIn } from './pages/sign_in.js';
import { ResetPassword } from './pages/reset_password.js';
import { routes, NotFound } from './routes.js';

function App() {
  const where = useLocation();
  const [me, setMe] = useState(undefined); // undefined: not known yet
  const [failure, setFailure] = useState(null);
  const signedIn = useRef(false); // a 401 means "expired" only after someone was signed in
  signedIn.current = Boolean(me);

  const refresh = async () => {
    try {
      setMe(await loadMe());
    } catch (error) {
      setFailure(error);
    }
  };
  useEffect(() => {
    refresh();
  }, []);
  // A 401 anywhere: the session expired or was revoked. Sign in again, then come back here.
  useEffect(
    () =>
      onSignedOut(() => {
        if (!signedIn.current) return;
        setMe(null);
        if (location.pathname !== '/signin') {
          const next = encodeURIComponent(location.pathname + location.search);
          navigate(`/signin?expired=1&next=${next}`, { replace: true });
        }
      }),
    [],
  );

  if (failure) return html`<main id="main"><${ErrorMessage} error=${failure} /></main>`;
  if (me === undefined) return html`<main id="main"><${Loading} /></main>`;

  // The link of a password reset mail: open whether or not somebody is signed in here.
  if (where.path === '/reset-password') return html`<${ResetPassword} token=${where.search.get('token') || ''} />`;

  if (!me || where.path === '/signin') {
    const next = where.path === '/signin' ? where.search.get('next') : where.path + location.search;
    const onSignedIn = async (to) => {
      await refresh();
      navigate(to, { replace: true });
    };
    if (me && where.path === '/signin') {
      navigate(next || '/projects', { replace: true });
      return null;
    }
    return html`<${SignIn} next=${next} expired=${where.search.get('expired') === '1'} onSignedIn=${onSignedIn} />`;
  }

  const session = {
    me,
    refresh,
    signOut: async () => {
      await signOut();
      setMe(null);
      navigate('/signin', { replace: true });
    },
  };
  let page = html`<${NotFound} />`;
  for (const [pattern, Page] of routes) {
    const params = match(pattern, where.path);
    if (params) {
      page = html`<${Page} ...${params} search=${where.search} />`;
      break;
    }
  }
  return html`<${SessionContext.Provider} value=${session}>${page}<//>`;
}

const root = document.getElementById('app');
root.textContent = ''; // the boot message
render(html`<${App} />`, root);

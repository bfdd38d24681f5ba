// Who is signed in: people/@self, loaded once at start and after signing in. The HttpOnly cookie
// is the session; this module only mirrors who it belongs to.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { api } from './api.js';

export const SessionContext = createContext(null);

// { me, refresh(), signOut() }; `me` is the EmployeeWrapperFull of people/@self, or null.
export function useSession() {
  return useContext(SessionContext);
}

export async function loadMe() {
  try {
    return await api('GET', 'people/@self');
  } catch (error) {
    if (error.status === 401) return null;
    throw error;
  }
}

export function signIn(userName, password) {
  return api('POST', 'authentication', { body: { userName, password } });
}

export async function signOut() {
  try {
    await api('POST', 'authentication/logout');
  } catch {
    // Already signed out (a revoked token): the cookie is cleared either way.
  }
}

export const isAdmin = (me) => Boolean(me && me.isAdmin);
export const isGuest = (me) => Boolean(me && me.isVisitor);

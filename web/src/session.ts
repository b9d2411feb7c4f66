// Who is signed in. The session itself is an HttpOnly cookie; the page
// keeps the member and the CSRF token that GET /me hands back after a reload.
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from './api';
import { createStore, useStore } from './store';
import type { Me } from './types';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'member'; me: Me }
  | { status: 'error'; message: string };

export const session = createStore<SessionState>({ status: 'loading' });

setUnauthenticatedHandler(() => {
  if (session.get().status === 'member') {
    mark(false);
    session.set({ status: 'anonymous' });
  }
});

// The cookie is HttpOnly, so the page cannot see it. A marker in
// localStorage remembers that this browser signed in, so an anonymous
// visitor's first page load makes no request that is bound to fail.
const MARKER = 'kring.signed_in';

function mark(signedIn: boolean): void {
  try {
    if (signedIn) window.localStorage.setItem(MARKER, '1');
    else window.localStorage.removeItem(MARKER);
  } catch {
    // Without storage we simply ask the server every time.
  }
}

function probablySignedIn(): boolean {
  try {
    return window.localStorage.getItem(MARKER) !== null;
  } catch {
    return true;
  }
}

export async function loadSession(): Promise<void> {
  if (!probablySignedIn()) {
    session.set({ status: 'anonymous' });
    return;
  }
  try {
    const me = await api.get<Me>('/me');
    if (me.csrf_token) setCsrfToken(me.csrf_token);
    session.set({ status: 'member', me });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      mark(false);
      session.set({ status: 'anonymous' });
    }
    else session.set({ status: 'error', message: (e as Error).message });
  }
}

interface Issued {
  csrf_token: string;
  member: Me;
}

async function adopt(issued: Issued): Promise<void> {
  setCsrfToken(issued.csrf_token);
  mark(true);
  // The full view of oneself (with counts) comes from /me.
  try {
    const me = await api.get<Me>('/me');
    session.set({ status: 'member', me });
  } catch {
    session.set({ status: 'member', me: issued.member });
  }
}

export async function signUp(handle: string, email: string, password: string): Promise<void> {
  await adopt(await api.post<Issued>('/accounts', { handle, email, password }));
}

export async function logIn(login: string, password: string): Promise<void> {
  await adopt(await api.post<Issued>('/sessions', { login, password }));
}

export async function logOut(): Promise<void> {
  try {
    await api.del('/sessions/current');
  } finally {
    setCsrfToken('');
    mark(false);
    session.set({ status: 'anonymous' });
  }
}

export function setMe(me: Me): void {
  session.set({ status: 'member', me });
}

export function useSession(): SessionState {
  return useStore(session);
}

export function useMe(): Me | null {
  const s = useStore(session);
  return s.status === 'member' ? s.me : null;
}

// Whether the instance-wide network analytics (GET /network/... of the
// instance or a tag) open for the viewer: the server's own `can` says.
export function seesInstanceNetwork(me: Me | null | undefined): boolean {
  return !!me?.can?.view_network;
}

// Whether the instance's report queue (GET /reports) opens for the viewer.
export function seesInstanceReports(me: Me | null | undefined): boolean {
  return !!me?.can?.view_reports;
}

import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
// The auth routes alone, not the whole table, which the first page does not need.
import { authRoutes } from '../../contracts/api/auth';
import type { Me } from '../../contracts/auth';
import { api, isApiError, mayBeSignedIn, setCsrfToken } from './api';

export const meQueryKey = ['auth', 'me'] as const;

/**
 * Set while a person signs out on purpose, so the sign-in page does not offer to send the next
 * person back to the page the previous one was on. Cleared when the sign-in page opens.
 */
let signedOutOnPurpose = false;

export function noteSignedOutOnPurpose(value: boolean): void {
  signedOutOnPurpose = value;
}

export function wasSignedOutOnPurpose(): boolean {
  return signedOutOnPurpose;
}

/**
 * Who is signed in: null when nobody is. A browser without the session's CSRF cookie holds no
 * session, so it is not asked: the 401 would only end up in the console of every signed-out page.
 */
export async function fetchMe(): Promise<Me | null> {
  if (!mayBeSignedIn()) {
    setCsrfToken(null);
    return null;
  }
  try {
    const session = await api.call(authRoutes.session);
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

const SessionContext = createContext<Me | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

/** The signed-in person. Only inside the signed-in part of the app. */
export function useMe(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useMe needs a signed-in session');
  return me;
}

export function useOptionalMe(): Me | null {
  return useContext(SessionContext);
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The viewer's timezone: their profile's, or the browser's before sign-in. */
export function useViewerTimeZone(): string {
  const me = useOptionalMe();
  return me?.timezone || browserTimeZone();
}

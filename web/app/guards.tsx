import { Center } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { NoAccess } from '../components/NoAccess';
import { mayBeSignedIn } from './api';
import { lazyPage } from './lazyPage';
import { canOpenPage, getPage, type PageId } from './pages';
import { SessionProvider, useMe, useMeQuery, wasSignedOutOnPurpose } from './session';

// The staff app's frame (header, navigation, command palette, live channel) loads once someone is
// signed in, not with the sign-in page; in a browser that holds a session it loads at once,
// while /auth/me is asked.
const AppLayout = lazyPage(() => import('./layout/AppLayout'), 'AppLayout');
if (mayBeSignedIn()) void AppLayout.preload();

/** The signed-in part of the app: sends signed-out people to /login, customers to the portal. */
export function SignedInApp() {
  const me = useMeQuery();
  const location = useLocation();
  if (me.isPending) return <LoadingState variant="page" label="Loading Steward" />;
  if (me.isError) {
    return (
      <Center mih="100vh">
        <ErrorState
          error={me.error}
          title="Steward could not be reached"
          onRetry={() => void me.refetch()}
          retrying={me.isRefetching}
        />
      </Center>
    );
  }
  if (!me.data) {
    const here = `${location.pathname}${location.search}`;
    const next = here === '/' || wasSignedOutOnPurpose() ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  if (me.data.role === 'customer') return <Navigate to="/portal" replace />;
  return (
    <SessionProvider me={me.data}>
      <AppLayout />
    </SessionProvider>
  );
}

/** Shows the page only to roles that may open it; others get a clear no-access state. */
export function PageGuard({ page, children }: { page: PageId; children: ReactNode }) {
  const me = useMe();
  if (!canOpenPage(me.role, page)) return <NoAccess pageLabel={getPage(page).label} />;
  return children;
}

import { AppShell, Container } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useMatches } from 'react-router';
import { LiveProvider } from '../live';
import { AppHeader } from './AppHeader';
import { AppNavbar } from './AppNavbar';
import { CommandPalette } from './CommandPalette';

/** Route `handle` of pages that fill the window (the Inbox): a slim navbar and no page padding. */
export interface RouteHandle {
  workspace?: boolean;
}

function isRouteHandle(value: unknown): value is RouteHandle {
  return typeof value === 'object' && value !== null;
}

function useWorkspaceRoute(): boolean {
  return useMatches().some((match) => isRouteHandle(match.handle) && match.handle.workspace === true);
}

export function AppLayout() {
  const [navOpened, nav] = useDisclosure(false);
  const workspace = useWorkspaceRoute();
  return (
    <LiveProvider>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: workspace ? 64 : 232, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding={workspace ? 0 : 'lg'}
      >
        <AppShell.Header>
          <AppHeader navOpened={navOpened} onToggleNav={nav.toggle} />
        </AppShell.Header>
        <AppShell.Navbar>
          <AppNavbar onNavigate={nav.close} compact={workspace && !navOpened} />
        </AppShell.Navbar>
        <AppShell.Main>
          {workspace ? (
            <Outlet />
          ) : (
            <Container size={1280} px={0}>
              <Outlet />
            </Container>
          )}
        </AppShell.Main>
        <CommandPalette />
      </AppShell>
    </LiveProvider>
  );
}

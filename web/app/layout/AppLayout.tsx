import { AppShell, Container, Drawer } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useMatches } from 'react-router';
import { mainContentId, SkipLink } from '../../components/SkipLink';
import { LiveProvider } from '../live';
import { AppHeader } from './AppHeader';
import { AppNavbar } from './AppNavbar';
import { CommandPalette } from './CommandPalette';
import { usePhone } from './screen';

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

/**
 * The staff app's frame. On a laptop the navigation is a column beside the page (icons only
 * beside the Inbox); on a phone it is a drawer opened from the header's menu button, so the
 * page has the whole width and the closed navigation is not on the page at all.
 */
export function AppLayout() {
  const phone = usePhone();
  const [navOpened, nav] = useDisclosure(false);
  const workspace = useWorkspaceRoute();
  return (
    <LiveProvider>
      <AppShell
        header={{ height: 56 }}
        navbar={phone ? undefined : { width: workspace ? 64 : 232, breakpoint: 'sm' }}
        padding={workspace ? 0 : phone ? 'md' : 'lg'}
      >
        <SkipLink />
        <AppShell.Header>
          <AppHeader phone={phone} navOpened={navOpened} onToggleNav={nav.toggle} />
        </AppShell.Header>
        {phone ? (
          <Drawer
            opened={navOpened}
            onClose={nav.close}
            title="Steward"
            size={280}
            padding={0}
            styles={{ header: { paddingInline: 'var(--mantine-spacing-md)' } }}
          >
            <AppNavbar onNavigate={nav.close} />
          </Drawer>
        ) : (
          <AppShell.Navbar>
            <AppNavbar onNavigate={nav.close} compact={workspace} />
          </AppShell.Navbar>
        )}
        <AppShell.Main id={mainContentId} tabIndex={-1} style={{ outline: 'none' }}>
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

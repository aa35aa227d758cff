// Renders a component inside the providers the signed-in app gives it, each test on fresh state.
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type RenderResult, render } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import type { Me } from '../../contracts/auth';
import { cssVariablesResolver } from '../app/cssVariables';
import { modalsReady } from '../app/overlays';
import { SessionProvider } from '../app/session';
import { theme } from '../app/theme';
import { me as defaultMe } from './fixtures';

export interface RenderOptions {
  /** The URL the router starts at. */
  route?: string;
  /** The signed-in person (`useMe`). */
  me?: Me;
}

export interface Rendered extends RenderResult {
  user: ReturnType<typeof userEvent.setup>;
  queryClient: QueryClient;
  /** Where the router is now: path and search. */
  location: () => string;
}

/** A client like the app's, without retries, so a stubbed error shows at once. */
function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 30_000, gcTime: Number.POSITIVE_INFINITY },
      mutations: { retry: false },
    },
  });
}

// The app loads its dialogs' host on first use (app/overlays.tsx); here it is always there.
modalsReady();

function LocationProbe({ into }: { into: { current: string } }) {
  const location = useLocation();
  into.current = `${location.pathname}${location.search}`;
  return null;
}

/**
 * The app's providers (Mantine with the app theme, transitions and portals off; a fresh query
 * client; a memory router; the session) around `ui`. The live channel is left out: without it
 * components behave as when the channel is down. Stub `fetch` first (`stubNetwork`).
 */
export function renderWithProviders(ui: ReactElement, options: RenderOptions = {}): Rendered {
  const queryClient = testQueryClient();
  const location = { current: options.route ?? '/' };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} env="test" cssVariablesResolver={cssVariablesResolver}>
        <ModalsProvider labels={{ confirm: 'Confirm', cancel: 'Cancel' }}>
          <Notifications />
          <MemoryRouter initialEntries={[location.current]}>
            <SessionProvider me={options.me ?? defaultMe}>
              {children}
              <LocationProbe into={location} />
            </SessionProvider>
          </MemoryRouter>
        </ModalsProvider>
      </MantineProvider>
    </QueryClientProvider>
  );
  // No pointer-events CSS is loaded in jsdom, so checking it on every click only costs time.
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
  const result = render(ui, { wrapper });
  return { ...result, user, queryClient, location: () => location.current };
}

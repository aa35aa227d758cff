import './styles-first';
import { MantineProvider } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { setCsrfToken, setUnauthorizedHandler } from './api';
import { cssVariablesResolver } from './cssVariables';
import { Overlays } from './overlays';
import { queryClient } from './queryClient';
import { meQueryKey } from './session';
import { theme } from './theme';

function useSessionExpiry() {
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (queryClient.getQueryData(meQueryKey) === null) return;
      setCsrfToken(null);
      // Signed-out first, so the shell leaves for /login; then drop everything the session loaded.
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      notifications.show({
        id: 'session-ended',
        color: 'yellow',
        title: 'Your session ended',
        message: 'Sign in again to carry on.',
      });
    });
    return () => setUnauthorizedHandler(null);
  }, []);
}

export function Providers({ children }: { children: ReactNode }) {
  useSessionExpiry();
  return (
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={cssVariablesResolver}>
        {children}
        <Overlays />
      </MantineProvider>
    </QueryClientProvider>
  );
}

import { Button, Center, Stack } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { usePageTitle } from './title';

/** Shown when a page crashes: what happened, and a way back. */
export function RouteError() {
  const error = useRouteError();
  usePageTitle('Something went wrong');
  const message = isRouteErrorResponse(error)
    ? new Error(`${error.status} ${error.statusText}`)
    : error instanceof Error
      ? error
      : new Error('An unexpected error happened on this page.');
  return (
    <Center mih="100vh" p="md">
      <Stack align="center">
        <ErrorState
          error={message}
          title="This page ran into a problem"
          onRetry={() => window.location.reload()}
        />
        <Button variant="subtle" onClick={() => window.location.assign('/')}>
          Go to Home
        </Button>
      </Stack>
    </Center>
  );
}

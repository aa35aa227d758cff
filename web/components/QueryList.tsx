import { Button, Stack } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';

interface ListQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isRefetching: boolean;
  refetch: () => unknown;
}

interface QueryListProps {
  query: ListQuery;
  /** e.g. "Loading users" */
  loadingLabel: string;
  /** e.g. "Users could not be loaded" */
  errorTitle: string;
  isEmpty: boolean;
  /** Shown when there is nothing at all yet. */
  empty: ReactNode;
  /** When filters are set and match nothing: what to say, and how to clear them. */
  noMatch?: { title: string; description: string; icon?: ReactNode; onClear: () => void } | null;
  children: ReactNode;
}

/** The loading, error, no-match and empty states every list page shows, then the list itself. */
export function QueryList({
  query,
  loadingLabel,
  errorTitle,
  isEmpty,
  empty,
  noMatch,
  children,
}: QueryListProps) {
  if (query.isPending) {
    return (
      <Stack p="md">
        <LoadingState label={loadingLabel} />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <ErrorState
        error={query.error}
        title={errorTitle}
        onRetry={() => void query.refetch()}
        retrying={query.isRefetching}
      />
    );
  }
  if (!isEmpty) return <>{children}</>;
  if (noMatch) {
    return (
      <EmptyState
        icon={noMatch.icon ?? <IconFilterOff size={28} stroke={1.5} />}
        title={noMatch.title}
        description={noMatch.description}
        action={
          <Button variant="default" onClick={noMatch.onClear}>
            Clear filters
          </Button>
        }
      />
    );
  }
  return <>{empty}</>;
}

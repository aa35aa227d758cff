import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../app/api';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';
import { type Crumb, PageHeader } from './PageHeader';

interface DetailPageProps<T> {
  query: UseQueryResult<T>;
  /** False when the address can't name a record (e.g. a non-numeric id). */
  validId: boolean;
  /** Shown as the title while loading or failing, e.g. "Customer". */
  noun: string;
  breadcrumbs: Crumb[];
  notFound: { icon: ReactNode; title: string; description: string; action: ReactNode };
  children: (data: T) => ReactNode;
}

/** The page of one record: not found, loading, an error with a retry, or the record itself. */
export function DetailPage<T>({ query, validId, noun, breadcrumbs, notFound, children }: DetailPageProps<T>) {
  if (!validId || (query.isError && isApiError(query.error) && query.error.status === 404)) {
    return (
      <>
        <PageHeader title={`${noun} not found`} breadcrumbs={breadcrumbs} />
        <EmptyState
          icon={notFound.icon}
          title={notFound.title}
          description={notFound.description}
          action={notFound.action}
        />
      </>
    );
  }
  if (query.isPending) {
    return (
      <>
        <PageHeader title={noun} breadcrumbs={breadcrumbs} />
        <LoadingState variant="block" label={`Loading ${noun.toLowerCase()}`} />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageHeader title={noun} breadcrumbs={breadcrumbs} />
        <ErrorState
          error={query.error}
          title={`This ${noun.toLowerCase()} could not be loaded`}
          onRetry={() => void query.refetch()}
          retrying={query.isRefetching}
        />
      </>
    );
  }
  return children(query.data);
}

/** A positive whole-number id from a route parameter, or null. */
export function idParam(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

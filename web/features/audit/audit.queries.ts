import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import { api } from '../../app/api';

export interface AuditFilters {
  actorId: number | null;
  entityType: string | null;
  /** ISO datetimes bounding the range, inclusive. */
  from: string | null;
  to: string | null;
}

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', 'list', filters] as const,
    queryFn: ({ pageParam, signal }) =>
      api.call(routes.audit.list, {
        query: {
          actorType: filters.actorId === null ? undefined : 'user',
          actorId: filters.actorId,
          entityType: filters.entityType,
          from: filters.from,
          to: filters.to,
          limit: 50,
          cursor: pageParam,
        },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

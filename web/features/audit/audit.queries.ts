import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { routes } from '../../../contracts/api';
import type { AuditAction, AuditEntityType } from '../../../contracts/audit';
import { api } from '../../app/api';

export interface AuditFilters {
  /** A staff member's id, or "system" for Steward's own work. */
  actor: string | null;
  action: AuditAction | null;
  entityType: AuditEntityType | null;
  entityId: string | null;
  /** Days (YYYY-MM-DD) bounding the range, inclusive, in the viewer's time. */
  from: string | null;
  to: string | null;
}

/** The filters as the API takes them, for the list and the export alike. */
export function auditQuery(filters: AuditFilters) {
  const { actor, from, to } = filters;
  return {
    actorType: actor === null ? undefined : actor === 'system' ? ('system' as const) : ('user' as const),
    actorId: actor !== null && actor !== 'system' ? Number(actor) : undefined,
    action: filters.action ?? undefined,
    entityType: filters.entityType ?? undefined,
    entityId: filters.entityId ?? undefined,
    from: from ? dayjs(from).startOf('day').toISOString() : undefined,
    to:
      from || to
        ? dayjs(to ?? from)
            .endOf('day')
            .toISOString()
        : undefined,
  };
}

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', 'list', filters] as const,
    queryFn: ({ pageParam, signal }) =>
      api.call(routes.audit.list, {
        query: { ...auditQuery(filters), limit: 50, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The CSV of the entries these filters match. */
export const auditExportUrl = (filters: AuditFilters) =>
  api.urlOf(routes.audit.export, {}, auditQuery(filters));

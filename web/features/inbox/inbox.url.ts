import { useCallback, useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { ViewFilters } from '../../../contracts/tickets';

export const DEFAULT_VIEW = 'my-open';

/** The filters the Inbox's chips can set, on top of the view's own. */
export type ChipFilters = Pick<ViewFilters, 'status' | 'priority' | 'assignee' | 'team' | 'tags'>;

function parseFilters(raw: string | null): ChipFilters {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const result: ChipFilters = {};
    for (const key of ['status', 'priority', 'assignee', 'team', 'tags'] as const) {
      const list = (value as Record<string, unknown>)[key];
      if (Array.isArray(list) && list.length > 0) Object.assign(result, { [key]: list });
    }
    return result;
  } catch {
    return {};
  }
}

/** Drops empty lists, so "no filter" is always `{}`. */
export function compactFilters(filters: ChipFilters): ChipFilters {
  const result: ChipFilters = {};
  for (const key of ['status', 'priority', 'assignee', 'team', 'tags'] as const) {
    const list = filters[key];
    if (list && list.length > 0) Object.assign(result, { [key]: list });
  }
  return result;
}

/** Where the Inbox is: the view, the open ticket, the search words and the chip filters. */
export function useInboxLocation() {
  const params = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const viewId = params.viewId ?? null;
  const ticketParam = params.ticketId ? Number(params.ticketId) : null;
  const ticketId =
    ticketParam !== null && Number.isInteger(ticketParam) && ticketParam > 0 ? ticketParam : null;
  const q = searchParams.get('q') ?? '';
  const rawFilters = searchParams.get('f');
  const filters = useMemo(() => parseFilters(rawFilters), [rawFilters]);

  const setQ = useCallback(
    (value: string) =>
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value.trim()) next.set('q', value);
          else next.delete('q');
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  const setFilters = useCallback(
    (value: ChipFilters) =>
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          const compact = compactFilters(value);
          if (Object.keys(compact).length > 0) next.set('f', JSON.stringify(compact));
          else next.delete('f');
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  return { viewId, ticketId, q, filters, setQ, setFilters, search: searchParams.toString() };
}

/** The address of a ticket in a view, keeping the search and filters. */
export function ticketPath(viewId: string, ticketId: number, search = ''): string {
  return `/inbox/${encodeURIComponent(viewId)}/tickets/${ticketId}${search ? `?${search}` : ''}`;
}

export function viewPath(viewId: string, search = ''): string {
  return `/inbox/${encodeURIComponent(viewId)}${search ? `?${search}` : ''}`;
}

import { useQuery } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import { boardStatuses } from '../../../contracts/board';
import type { ViewFilters } from '../../../contracts/tickets';
import { api } from '../../app/api';
import { inboxPath } from '../home/home.queries';

export const boardKey = ['board'] as const;

/**
 * The board. Live changes refresh it (the page calls `refetch`, at most every 2 s); on a wall
 * screen it also reads itself again every 30 s, so ages and clocks move without a change.
 */
export function useBoard(kiosk: boolean, pollMs: number | false) {
  return useQuery({
    queryKey: boardKey,
    queryFn: ({ signal }) => api.call(routes.board.get, { signal }),
    refetchInterval: kiosk ? 30_000 : pollMs,
    staleTime: 5_000,
  });
}

const OPEN: NonNullable<ViewFilters['status']> = [...boardStatuses];

/** The Inbox's "all tickets" view narrowed to what a figure counts, within the board's teams. */
export function ticketsLink(filters: ViewFilters, teamIds: number[] | null): string {
  const scoped = teamIds && !filters.team ? { ...filters, team: teamIds } : filters;
  return inboxPath('all', scoped);
}

export const openFilters = (extra: ViewFilters = {}): ViewFilters => ({ status: OPEN, ...extra });

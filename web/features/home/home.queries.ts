import { useQuery } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { QueueCount } from '../../../contracts/workload';
import { api } from '../../app/api';
import type { ChipFilters } from '../inbox/inbox.url';
import { viewPath } from '../inbox/inbox.url';
import { ticketsKeys } from '../tickets/tickets.queries';

/** Under the views' key: a live change to tickets refreshes the home page's numbers with the Inbox's counts. */
export const workloadKey = [...ticketsKeys.views, 'workload'] as const;

export function useWorkload() {
  return useQuery({
    queryKey: workloadKey,
    queryFn: ({ signal }) => api.call(routes.workload.get, { signal }),
    staleTime: 15_000,
  });
}

/** A view of the Inbox narrowed by the chip filters. */
export function inboxPath(viewId: string, filters: ChipFilters = {}): string {
  const search = Object.keys(filters).length
    ? new URLSearchParams({ f: JSON.stringify(filters) }).toString()
    : '';
  return viewPath(viewId, search);
}

/** "12", "1,000+". */
export const countText = (c: QueueCount) => `${c.count.toLocaleString()}${c.countCapped ? '+' : ''}`;

/** Counts added up, still saying when one of them stopped at the limit. */
export const sumCounts = (counts: QueueCount[]): QueueCount => ({
  count: counts.reduce((n, c) => n + c.count, 0),
  countCapped: counts.some((c) => c.countCapped),
});

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import { api, type BodyOf } from '../../app/api';
import { ticketsKeys } from '../tickets/tickets.queries';

export type LogTimeBody = BodyOf<typeof routes.tickets.logTime>;

/** Under the ticket's key, so whatever refetches the ticket refetches its time too. */
const timeKey = (ticketId: number) => [...ticketsKeys.ticket(ticketId), 'time-entries'] as const;

/** The time logged on a ticket, newest first, with the total. */
export function useTimeEntries(ticketId: number) {
  return useQuery({
    queryKey: timeKey(ticketId),
    queryFn: ({ signal }) => api.call(routes.tickets.timeEntries, { params: { id: ticketId }, signal }),
  });
}

/** A change of the ticket's time: its list and its history (a time event) are read again. */
function useTimeChanged(ticketId: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: timeKey(ticketId) }),
      queryClient.invalidateQueries({ queryKey: ticketsKeys.events(ticketId) }),
    ]);
}

export function useLogTime(ticketId: number) {
  const changed = useTimeChanged(ticketId);
  return useMutation({
    mutationFn: (body: LogTimeBody) => api.call(routes.tickets.logTime, { params: { id: ticketId }, body }),
    onSuccess: changed,
  });
}

export function useRemoveTimeEntry(ticketId: number) {
  const changed = useTimeChanged(ticketId);
  return useMutation({
    mutationFn: (entryId: number) =>
      api.call(routes.tickets.removeTimeEntry, { params: { id: ticketId, entryId } }),
    onSuccess: changed,
  });
}

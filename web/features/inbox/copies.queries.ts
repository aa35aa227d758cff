import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { UpdateTicketCopiesBody } from '../../../contracts/mail';
import { api } from '../../app/api';
import { ticketsKeys } from '../tickets/tickets.queries';

/** Under the ticket's key: a live change to the ticket (a new mail) refetches its copies too. */
const copiesKey = (id: number) => [...ticketsKeys.ticket(id), 'copies'] as const;

export function useTicketCopies(id: number, enabled = true) {
  return useQuery({
    queryKey: copiesKey(id),
    queryFn: ({ signal }) => api.call(routes.tickets.copies, { params: { id }, signal }),
    enabled,
  });
}

export function useChangeCopies(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTicketCopiesBody) =>
      api.call(routes.tickets.updateCopies, { params: { id }, body }),
    onSuccess: (copies) => queryClient.setQueryData(copiesKey(id), copies),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import { api, type BodyOf } from '../../app/api';
import { ticketsKeys } from '../tickets/tickets.queries';

export type StartSideConversationBody = BodyOf<typeof routes.sideConversations.start>;

/** Under the ticket's key: a live change to the ticket (the third party's reply) refetches them. */
const sideKey = (ticketId: number) => [...ticketsKeys.ticket(ticketId), 'side-conversations'] as const;

export function useSideConversations(ticketId: number) {
  return useQuery({
    queryKey: sideKey(ticketId),
    queryFn: ({ signal }) => api.call(routes.sideConversations.list, { params: { id: ticketId }, signal }),
  });
}

export function useStartSideConversation(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartSideConversationBody) =>
      api.call(routes.sideConversations.start, { params: { id: ticketId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sideKey(ticketId) }),
  });
}

export function useReplySideConversation(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: string }) =>
      api.call(routes.sideConversations.reply, { params: { id }, body: { body } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sideKey(ticketId) }),
  });
}

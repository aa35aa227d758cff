import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import { api, type BodyOf } from '../../app/api';
import { ticketsKeys } from '../tickets/tickets.queries';

export const slaKeys = {
  all: ['sla-policies'] as const,
  dryRun: (ids: number[]) => ['sla-policies', 'dry-run', ids] as const,
};

export function useSlaPolicies() {
  return useQuery({
    queryKey: slaKeys.all,
    queryFn: ({ signal }) => api.call(routes.sla.list, { signal }),
    select: (result) => result.data,
  });
}

/** Which of the last tickets would get another policy under a proposed order; off while `ids` is null. */
export function useSlaDryRun(ids: number[] | null) {
  return useQuery({
    queryKey: slaKeys.dryRun(ids ?? []),
    queryFn: ({ signal }) => api.call(routes.sla.dryRun, { body: { ids: ids ?? [] }, signal }),
    enabled: ids !== null,
  });
}

/** A ticket's policy, calendar, clocks and their history; refetched with the ticket (its key is under the ticket's). */
export function useTicketSla(id: number) {
  return useQuery({
    queryKey: ticketsKeys.sla(id),
    queryFn: ({ signal }) => api.call(routes.sla.ofTicket, { params: { id }, signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export type SlaPolicyBody = BodyOf<typeof routes.sla.create>;

function useInvalidating<A, R>(call: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: slaKeys.all }),
  });
}

export const useCreateSlaPolicy = () =>
  useInvalidating((body: SlaPolicyBody) => api.call(routes.sla.create, { body }));

export const useUpdateSlaPolicy = () =>
  useInvalidating(({ id, body }: { id: number; body: BodyOf<typeof routes.sla.update> }) =>
    api.call(routes.sla.update, { params: { id }, body }),
  );

export const useDeleteSlaPolicy = () =>
  useInvalidating((id: number) => api.call(routes.sla.remove, { params: { id } }));

export const useOrderSlaPolicies = () =>
  useInvalidating((ids: number[]) => api.call(routes.sla.order, { body: { ids } }));

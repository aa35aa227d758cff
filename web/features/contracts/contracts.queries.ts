import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import { api, type BodyOf } from '../../app/api';

/** Which contracts a list shows: every one, those due for review, or those in one state. */
export const contractFilters = ['all', 'review', 'active', 'expired', 'upcoming'] as const;
export type ContractFilter = (typeof contractFilters)[number];
export const isContractFilter = (value: string | null): value is ContractFilter =>
  value !== null && (contractFilters as readonly string[]).includes(value);

export const contractsKeys = {
  all: ['contracts'] as const,
  list: (filter: ContractFilter) => ['contracts', 'list', filter] as const,
  ofOrganization: (id: number) => ['contracts', 'organization', id] as const,
  ofTicket: (id: number) => ['contracts', 'ticket', id] as const,
};

const filterQuery = {
  all: {},
  review: { reviewDue: 'true' },
  active: { status: 'active' },
  expired: { status: 'expired' },
  upcoming: { status: 'upcoming' },
} as const;

/** Contracts, the soonest to end first. */
export function useContracts(filter: ContractFilter) {
  return useQuery({
    queryKey: contractsKeys.list(filter),
    queryFn: ({ signal }) => api.call(routes.contracts.list, { query: filterQuery[filter], signal }),
    select: (result) => result.data,
  });
}

/** Every contract of one organisation; off while there is none. */
export function useOrganizationContracts(organizationId: number | null) {
  return useQuery({
    queryKey: contractsKeys.ofOrganization(organizationId ?? 0),
    queryFn: ({ signal }) =>
      api.call(routes.contracts.list, { query: { organizationId: organizationId ?? 0 }, signal }),
    select: (result) => result.data,
    enabled: organizationId !== null && organizationId > 0,
  });
}

/** What a ticket shows of its organisation's contract. */
export function useTicketContract(ticketId: number, enabled = true) {
  return useQuery({
    queryKey: contractsKeys.ofTicket(ticketId),
    queryFn: ({ signal }) => api.call(routes.contracts.ofTicket, { params: { id: ticketId }, signal }),
    staleTime: 60_000,
    enabled,
  });
}

/** The service-level policies, as select options (a contract names the one its tickets run under). */
export function useSlaPolicyOptions(enabled = true) {
  return useQuery({
    // The policies' own key: the list is shared with wherever else the policies are read.
    queryKey: ['sla-policies'] as const,
    queryFn: ({ signal }) => api.call(routes.sla.list, { signal }),
    select: (result) =>
      result.data.map((p) => ({ value: String(p.id), label: p.active ? p.name : `${p.name} (inactive)` })),
    staleTime: 60_000,
    enabled,
  });
}

export type CreateContractBody = BodyOf<typeof routes.contracts.create>;
export type UpdateContractBody = BodyOf<typeof routes.contracts.update>;

function useInvalidating<A, R>(call: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: contractsKeys.all }),
  });
}

export const useCreateContract = () =>
  useInvalidating((body: CreateContractBody) => api.call(routes.contracts.create, { body }));

export const useUpdateContract = () =>
  useInvalidating(({ id, body }: { id: number; body: UpdateContractBody }) =>
    api.call(routes.contracts.update, { params: { id }, body }),
  );

export const useDeleteContract = () =>
  useInvalidating((id: number) => api.call(routes.contracts.remove, { params: { id } }));

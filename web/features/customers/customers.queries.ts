import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { CreateCustomerBody, UpdateCustomerBody } from '../../../contracts/customers';
import { api } from '../../app/api';

export const customersKeys = {
  all: ['customers'] as const,
  list: (filters: CustomerFilters) => ['customers', 'list', filters] as const,
  search: (q: string) => ['customers', 'search', q] as const,
  detail: (id: number) => ['customers', 'detail', id] as const,
  timeline: (id: number) => ['customers', 'detail', id, 'timeline'] as const,
  organizations: ['organizations'] as const,
  organizationList: (q: string) => ['organizations', 'list', q] as const,
  organization: (id: number) => ['organizations', 'detail', id] as const,
};

export interface CustomerFilters {
  q: string;
  organizationId: number | null;
  tag: string | null;
}

export function useCustomersList(filters: CustomerFilters) {
  return useInfiniteQuery({
    queryKey: customersKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.call(routes.customers.list, {
        query: {
          q: filters.q.trim(),
          organizationId: filters.organizationId,
          tag: filters.tag,
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

/** Customers whose name or email matches, for pickers. */
/** How many customers a picker shows for a search. */
export const CUSTOMER_SEARCH_LIMIT = 10;

/** The first customers matching a search, and whether more match than are shown. */
export function useCustomerSearch(q: string, enabled = true) {
  const term = q.trim();
  return useQuery({
    queryKey: customersKeys.search(term),
    queryFn: ({ signal }) =>
      api.call(routes.customers.list, { query: { q: term, limit: CUSTOMER_SEARCH_LIMIT }, signal }),
    select: (page) => ({ customers: page.data, more: page.nextCursor !== null }),
    enabled: enabled && term.length >= 1,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

export function useCustomer(id: number) {
  return useQuery({
    queryKey: customersKeys.detail(id),
    queryFn: ({ signal }) => api.call(routes.customers.get, { params: { id }, signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useCustomerTimeline(id: number) {
  return useQuery({
    queryKey: customersKeys.timeline(id),
    queryFn: ({ signal }) => api.call(routes.customers.timeline, { params: { id }, signal }),
    select: (result) => result.data,
    enabled: Number.isInteger(id) && id > 0,
  });
}

function useInvalidateCustomers() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: customersKeys.all });
    void queryClient.invalidateQueries({ queryKey: customersKeys.organizations });
  };
}

export function useCreateCustomer() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: (body: CreateCustomerBody) => api.call(routes.customers.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateCustomer(id: number) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: (body: UpdateCustomerBody) => api.call(routes.customers.update, { params: { id }, body }),
    onSuccess: (customer) => {
      queryClient.setQueryData(customersKeys.detail(id), customer);
      invalidate();
    },
  });
}

export function useMergeCustomers(id: number) {
  const invalidate = useInvalidateCustomers();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sourceIds: number[]) =>
      api.call(routes.customers.merge, { params: { id }, body: { sourceIds } }),
    onSuccess: () => {
      invalidate();
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
    },
  });
}

export function useAddCustomerNote(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.call(routes.customers.addNote, { params: { id }, body: { body } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: customersKeys.timeline(id) }),
  });
}

export function useOrganizationsList(q: string) {
  return useInfiniteQuery({
    queryKey: customersKeys.organizationList(q.trim()),
    queryFn: ({ pageParam, signal }) =>
      api.call(routes.organizations.list, { query: { q: q.trim(), limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Organisations matching a name, as select options. */
export function useOrganizationOptions(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: [...customersKeys.organizations, 'options', term] as const,
    queryFn: ({ signal }) => api.call(routes.organizations.list, { query: { q: term, limit: 20 }, signal }),
    select: (page) => page.data.map((o) => ({ value: String(o.id), label: o.name })),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useOrganization(id: number) {
  return useQuery({
    queryKey: customersKeys.organization(id),
    queryFn: ({ signal }) => api.call(routes.organizations.get, { params: { id }, signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export interface OrganizationBody {
  name: string;
  domains: string[];
  notes: string;
  tags: string[];
}

export function useCreateOrganization() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: (body: OrganizationBody) => api.call(routes.organizations.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateOrganization(id: number) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: (body: Partial<OrganizationBody>) =>
      api.call(routes.organizations.update, { params: { id }, body }),
    onSuccess: (organization) => {
      queryClient.setQueryData(customersKeys.organization(id), organization);
      invalidate();
    },
  });
}

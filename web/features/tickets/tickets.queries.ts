import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { TicketListItem } from '../../../contracts/api/tickets';
import type {
  CreateMessageBody,
  CreateTicketBody,
  Message,
  Ticket,
  TicketPriority,
  UpdateTicketBody,
  ViewFilters,
  ViewSort,
} from '../../../contracts/tickets';
import { api, type BodyOf } from '../../app/api';
import type { TicketType } from '../../app/ticketLabels';

export const ticketsKeys = {
  all: ['tickets'] as const,
  lists: ['tickets', 'list'] as const,
  list: (params: TicketListParams) => ['tickets', 'list', 'pages', params] as const,
  preview: (params: TicketListParams) => ['tickets', 'list', 'preview', params] as const,
  ticket: (id: number) => ['tickets', 'ticket', id] as const,
  detail: (id: number) => ['tickets', 'ticket', id, 'detail'] as const,
  messages: (id: number) => ['tickets', 'ticket', id, 'messages'] as const,
  events: (id: number) => ['tickets', 'ticket', id, 'events'] as const,
  sla: (id: number) => ['tickets', 'ticket', id, 'sla'] as const,
  /** Who is writing a reply: kept apart from the ticket, which live changes refetch. */
  replying: (id: number) => ['tickets', 'replying', id] as const,
  views: ['views'] as const,
  search: (q: string) => ['tickets', 'search', q] as const,
};

/**
 * Versions of tickets that this browser wrote itself. A live "changed" message for one of them,
 * or a refetch that lands on one, is not someone else's activity.
 */
const ownVersions = new Map<number, Set<number>>();

export function markOwnVersion(ticketId: number, version: number): void {
  const versions = ownVersions.get(ticketId) ?? new Set<number>();
  versions.add(version);
  ownVersions.set(ticketId, versions);
}

export function isOwnVersion(ticketId: number, version: number): boolean {
  return ownVersions.get(ticketId)?.has(version) ?? false;
}

export interface TicketListParams {
  viewId: string | null;
  filters: ViewFilters;
  q: string;
  sort?: ViewSort | null;
  limit?: number;
}

function listQuery(params: TicketListParams, cursor: string | undefined) {
  const hasFilters = Object.keys(params.filters).length > 0;
  return {
    view: params.viewId ?? undefined,
    filters: hasFilters ? JSON.stringify(params.filters) : undefined,
    q: params.q.trim() || undefined,
    sort: params.sort?.by,
    dir: params.sort?.dir,
    limit: params.limit ?? 50,
    cursor,
  };
}

/** A ticket as lists answer it: with a highlighted snippet when searching. */
export type TicketRow = TicketListItem;

export function useTicketList(params: TicketListParams, options: { refetchInterval?: number | false } = {}) {
  return useInfiniteQuery({
    queryKey: ticketsKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      api.call(routes.tickets.list, { query: listQuery(params, pageParam), signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: options.refetchInterval,
  });
}

/** The first few tickets of a list, without paging (home page, customer panel). */
export function useTicketPreview(params: TicketListParams, enabled = true) {
  return useQuery({
    queryKey: ticketsKeys.preview(params),
    queryFn: ({ signal }) => api.call(routes.tickets.list, { query: listQuery(params, undefined), signal }),
    enabled,
  });
}

export function useViews(options: { refetchInterval?: number | false } = {}) {
  return useQuery({
    queryKey: ticketsKeys.views,
    queryFn: ({ signal }) => api.call(routes.views.list, { signal }),
    select: (result) => result.data,
    refetchInterval: options.refetchInterval,
  });
}

export function useTicket(id: number) {
  return useQuery({
    queryKey: ticketsKeys.detail(id),
    queryFn: ({ signal }) => api.call(routes.tickets.get, { params: { id }, signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useTicketMessages(id: number) {
  return useQuery({
    queryKey: ticketsKeys.messages(id),
    queryFn: ({ signal }) => api.call(routes.tickets.messages, { params: { id }, signal }),
    select: (result) => result.data,
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useTicketEvents(id: number) {
  return useQuery({
    queryKey: ticketsKeys.events(id),
    queryFn: ({ signal }) => api.call(routes.tickets.events, { params: { id }, signal }),
    select: (result) => result.data,
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** A ticket this browser just wrote: store it, and refresh what it appears in. */
export function storeTicket(queryClient: QueryClient, ticket: Ticket): void {
  markOwnVersion(ticket.id, ticket.version);
  queryClient.setQueryData(ticketsKeys.detail(ticket.id), ticket);
  void queryClient.invalidateQueries({ queryKey: ticketsKeys.events(ticket.id) });
  void queryClient.invalidateQueries({ queryKey: ticketsKeys.sla(ticket.id) });
  void queryClient.invalidateQueries({ queryKey: ticketsKeys.lists });
  void queryClient.invalidateQueries({ queryKey: ticketsKeys.views });
}

/** Reloads a ticket after a write that did not answer with it; the new version is ours. */
async function refreshOwnTicket(queryClient: QueryClient, id: number): Promise<void> {
  const ticket = await queryClient.fetchQuery({
    queryKey: ticketsKeys.detail(id),
    queryFn: () => api.call(routes.tickets.get, { params: { id } }),
    staleTime: 0,
  });
  markOwnVersion(id, ticket.version);
  void queryClient.invalidateQueries({ queryKey: ticketsKeys.ticket(id) });
  void queryClient.invalidateQueries({ queryKey: ticketsKeys.lists });
  void queryClient.invalidateQueries({ queryKey: ticketsKeys.views });
}

export function useUpdateTicket(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTicketBody) => api.call(routes.tickets.update, { params: { id }, body }),
    onSuccess: (ticket) => storeTicket(queryClient, ticket),
  });
}

/**
 * Sends a reply or note and puts it in the conversation. A plain function, not only a hook: a
 * send waits out its Undo outside the composer, which may be gone by then.
 */
export async function sendMessage(
  queryClient: QueryClient,
  id: number,
  body: CreateMessageBody,
): Promise<Message> {
  const message = await api.call(routes.tickets.addMessage, { params: { id }, body });
  queryClient.setQueryData<{ data: Message[] }>(ticketsKeys.messages(id), (current) =>
    current ? { data: [...current.data.filter((m) => m.id !== message.id), message] } : current,
  );
  await refreshOwnTicket(queryClient, id);
  return message;
}

/** A reply or note rendered by the server's rules, without sending it. */
export function useMessagePreview(id: number, body: string, enabled: boolean) {
  return useQuery({
    queryKey: ['tickets', 'preview', id, body] as const,
    queryFn: ({ signal }) =>
      api.call(routes.tickets.previewMessage, { params: { id }, body: { body }, signal }),
    enabled: enabled && body.trim() !== '',
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
  });
}

export function useUploadAttachment(id: number) {
  return useMutation({
    mutationFn: (file: File) => api.call(routes.tickets.attach, { params: { id }, file }),
  });
}

export type EscalateBody = BodyOf<typeof routes.tickets.escalate>;

export function useEscalate(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EscalateBody) => api.call(routes.tickets.escalate, { params: { id }, body }),
    onSuccess: (ticket) => storeTicket(queryClient, ticket),
  });
}

export function useDeescalate(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.call(routes.tickets.deescalate, { params: { id } }),
    onSuccess: (ticket) => storeTicket(queryClient, ticket),
  });
}

export function useMergeTickets(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { sourceIds: number[]; acknowledgeRequesterChange: boolean }) =>
      api.call(routes.tickets.merge, { params: { id }, body }),
    onSuccess: (ticket, { sourceIds }) => {
      storeTicket(queryClient, ticket);
      void queryClient.invalidateQueries({ queryKey: ticketsKeys.messages(id) });
      for (const sourceId of sourceIds) {
        void queryClient.invalidateQueries({ queryKey: ticketsKeys.ticket(sourceId) });
      }
    },
  });
}

export interface LogContactBody {
  kind: 'call' | 'visit';
  ticketId?: number;
  subject?: string;
  requesterId?: number;
  requester?: { email: string; name?: string };
  summary: string;
  durationMinutes: number;
  outcome: 'resolved' | 'follow_up' | 'escalated' | 'no_answer' | 'information_given';
  type?: TicketType;
  priority?: TicketPriority;
}

export function useLogContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LogContactBody) => api.call(routes.tickets.contact, { body }),
    onSuccess: (result) => {
      storeTicket(queryClient, result.ticket);
      void queryClient.invalidateQueries({ queryKey: ticketsKeys.messages(result.ticket.id) });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTicketBody) => api.call(routes.tickets.create, { body }),
    onSuccess: (ticket) => {
      storeTicket(queryClient, ticket);
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}

export interface BulkChanges {
  assigneeId?: number | null;
  teamId?: number | null;
  status?: Ticket['status'];
  priority?: TicketPriority;
  addTags?: string[];
  removeTags?: string[];
}

export function useBulkUpdate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { ticketIds: number[]; changes: BulkChanges }) =>
      api.call(routes.tickets.bulkUpdate, { body }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ticketsKeys.lists });
      void queryClient.invalidateQueries({ queryKey: ticketsKeys.views });
      for (const id of result.updated)
        void queryClient.invalidateQueries({ queryKey: ticketsKeys.ticket(id) });
    },
  });
}

export type ViewBody = BodyOf<typeof routes.views.create>;

export function useCreateView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ViewBody) => api.call(routes.views.create, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ticketsKeys.views }),
  });
}

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.call(routes.views.remove, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ticketsKeys.views }),
  });
}

/** Tickets and customers matching words, for pickers and the command palette. */
export function useSearch(q: string, enabled = true) {
  const term = q.trim();
  return useQuery({
    queryKey: ticketsKeys.search(term),
    queryFn: ({ signal }) => api.call(routes.tickets.search, { query: { q: term, limit: 10 }, signal }),
    enabled: enabled && term.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { MacroVisibility } from '../../../contracts/macros';
import { api, type BodyOf } from '../../app/api';
import { storeTicket } from '../tickets/tickets.queries';

/** Which macros a list shows: every one, one visibility, or those unused in 90 days. */
export const macroFilters = ['all', 'shared', 'team', 'personal', 'unused'] as const;
export type MacroFilter = (typeof macroFilters)[number];
export const isMacroFilter = (value: string | null): value is MacroFilter =>
  value !== null && (macroFilters as readonly string[]).includes(value);

export const macrosKeys = {
  all: ['macros'] as const,
  list: (filter: MacroFilter, q: string) => ['macros', 'list', filter, q] as const,
  preview: (id: number, ticketId: number) => ['macros', 'preview', id, ticketId] as const,
};

const filterQuery = (filter: MacroFilter): { visibility?: MacroVisibility; unused?: 'true' } =>
  filter === 'all' ? {} : filter === 'unused' ? { unused: 'true' } : { visibility: filter };

/** The macros the signed-in person may use, by name. */
export function useMacros(filter: MacroFilter = 'all', q = '', enabled = true) {
  return useQuery({
    queryKey: macrosKeys.list(filter, q),
    queryFn: ({ signal }) =>
      api.call(routes.macros.list, { query: { ...filterQuery(filter), ...(q ? { q } : {}) }, signal }),
    select: (result) => result.data,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** What applying a macro to a ticket would do; nothing changes. */
export function useMacroPreview(id: number | null, ticketId: number, version: number) {
  return useQuery({
    queryKey: [...macrosKeys.preview(id ?? 0, ticketId), version],
    queryFn: ({ signal }) =>
      api.call(routes.macros.preview, { params: { id: id ?? 0 }, body: { ticketId }, signal }),
    enabled: id !== null,
    staleTime: 0,
  });
}

/** Applies a macro: the ticket's new state is stored, the text is the caller's to put in the composer. */
export function useApplyMacro(ticketId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api.call(routes.macros.apply, { params: { id }, body: { ticketId, version } }),
    onSuccess: (result) => {
      storeTicket(queryClient, result.ticket);
      void queryClient.invalidateQueries({ queryKey: macrosKeys.all });
    },
  });
}

export type CreateMacroBody = BodyOf<typeof routes.macros.create>;
export type UpdateMacroBody = BodyOf<typeof routes.macros.update>;

function useInvalidating<A, R>(call: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: macrosKeys.all }),
  });
}

export const useCreateMacro = () =>
  useInvalidating((body: CreateMacroBody) => api.call(routes.macros.create, { body }));

export const useUpdateMacro = () =>
  useInvalidating(({ id, body }: { id: number; body: UpdateMacroBody }) =>
    api.call(routes.macros.update, { params: { id }, body }),
  );

export const useDeleteMacro = () =>
  useInvalidating((id: number) => api.call(routes.macros.remove, { params: { id } }));

/** Teams a person may keep macros for: every team for managers, the teams they lead otherwise. */
export function useMacroTeams(meId: number, allTeams: boolean) {
  return useQuery({
    queryKey: ['teams', 'macro-teams', meId, allTeams] as const,
    queryFn: ({ signal }) => api.call(routes.teams.list, { query: { limit: 200 }, signal }),
    select: (page) =>
      page.data
        .filter((t) => allTeams || t.lead?.id === meId)
        .map((t) => ({ value: String(t.id), label: t.name })),
    staleTime: 60_000,
  });
}

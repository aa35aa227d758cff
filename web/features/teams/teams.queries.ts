import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { CreateTeamBody, UpdateTeamBody } from '../../../contracts/teams';
import { api } from '../../app/api';
import { meQueryKey } from '../../app/session';

export const teamsKeys = {
  all: ['teams'] as const,
  list: (q: string) => ['teams', 'list', q] as const,
  options: ['teams', 'options'] as const,
};

export function useTeamsList(q: string) {
  return useInfiniteQuery({
    queryKey: teamsKeys.list(q.trim()),
    queryFn: ({ pageParam, signal }) =>
      api.call(routes.teams.list, { query: { q: q.trim(), limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Every team, for selects and filters. */
export function useTeamOptions(enabled = true) {
  return useQuery({
    queryKey: teamsKeys.options,
    queryFn: ({ signal }) => api.call(routes.teams.list, { query: { limit: 200 }, signal }),
    select: (page) => page.data.map((t) => ({ value: String(t.id), label: t.name })),
    staleTime: 60_000,
    enabled,
  });
}

function useInvalidateTeams() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: teamsKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['users'] });
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
  };
}

export function useCreateTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: (body: CreateTeamBody) => api.call(routes.teams.create, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateTeamBody }) =>
      api.call(routes.teams.update, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useDeleteTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: (id: number) => api.call(routes.teams.remove, { params: { id } }),
    onSuccess: invalidate,
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { GoalOwnerKind } from '../../../contracts/goals';
import { api, type BodyOf } from '../../app/api';

export interface GoalsFilter {
  ownerKind?: GoalOwnerKind;
  teamId?: number;
  agentId?: number;
  status?: 'active' | 'ended' | 'all';
}
export type CreateGoalBody = BodyOf<typeof routes.goals.create>;
export type UpdateGoalBody = BodyOf<typeof routes.goals.update>;

export const goalsKeys = {
  all: ['goals'] as const,
  list: (filter: GoalsFilter) => ['goals', 'list', filter] as const,
};

/** The goals the signed-in person may see, with progress and trajectory. */
export function useGoals(filter: GoalsFilter) {
  return useQuery({
    queryKey: goalsKeys.list(filter),
    queryFn: ({ signal }) => api.call(routes.goals.list, { query: filter, signal }),
    select: (result) => result.data,
    staleTime: 60_000,
  });
}

/** The teams the signed-in person leads (a lead keeps their teams' goals). */
export function useLedTeams(userId: number, enabled = true) {
  return useQuery({
    queryKey: ['teams', 'led', userId] as const,
    queryFn: ({ signal }) => api.call(routes.teams.list, { query: { limit: 200 }, signal }),
    select: (page) => page.data.filter((t) => t.lead?.id === userId),
    staleTime: 60_000,
    enabled,
  });
}

function useInvalidating<A, R>(call: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: goalsKeys.all }),
  });
}

export const useCreateGoal = () =>
  useInvalidating((body: CreateGoalBody) => api.call(routes.goals.create, { body }));

export const useUpdateGoal = () =>
  useInvalidating(({ id, body }: { id: number; body: UpdateGoalBody }) =>
    api.call(routes.goals.update, { params: { id }, body }),
  );

export const useDeleteGoal = () =>
  useInvalidating((id: number) => api.call(routes.goals.remove, { params: { id } }));

export type ScorecardKind = 'agents' | 'teams';

/** An agent's or a team's scorecard over a period. */
export function useScorecard(kind: ScorecardKind, id: number | null, period: { from: string; to: string }) {
  return useQuery({
    queryKey: ['scorecards', kind, id, period] as const,
    queryFn: ({ signal }) =>
      api.call(kind === 'agents' ? routes.scorecards.agent : routes.scorecards.team, {
        params: { id: id ?? 0 },
        query: period,
        signal,
      }),
    enabled: id !== null,
    staleTime: 60_000,
  });
}

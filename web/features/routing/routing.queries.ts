import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { PresenceStatus } from '../../../contracts/routing';
import { api, type BodyOf } from '../../app/api';

export const routingKeys = {
  all: ['routing'] as const,
  teams: ['routing', 'teams'] as const,
  log: (teamId: number | null) => ['routing', 'log', teamId] as const,
  presence: ['presence', 'me'] as const,
  agents: ['presence', 'agents'] as const,
};

/** Every team's routing, with its agents' presence and load; kept fresh while the page is open. */
export function useRoutingTeams() {
  return useQuery({
    queryKey: routingKeys.teams,
    queryFn: ({ signal }) => api.call(routes.routing.teams, { signal }),
    select: (result) => result.data,
    refetchInterval: 30_000,
  });
}

export function useRoutingLog(teamId: number | null) {
  return useInfiniteQuery({
    queryKey: routingKeys.log(teamId),
    queryFn: ({ pageParam, signal }) =>
      api.call(routes.routing.log, {
        query: { limit: 25, cursor: pageParam, ...(teamId ? { teamId } : {}) },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 30_000,
  });
}

function useRoutingMutation<A, R>(call: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: routingKeys.all }),
  });
}

export const useUpdateTeamRouting = () =>
  useRoutingMutation(({ id, body }: { id: number; body: BodyOf<typeof routes.routing.updateTeam> }) =>
    api.call(routes.routing.updateTeam, { params: { id }, body }),
  );

export const useUpdateAgentRouting = () =>
  useRoutingMutation(({ id, body }: { id: number; body: BodyOf<typeof routes.routing.updateAgent> }) =>
    api.call(routes.routing.updateAgent, { params: { id }, body }),
  );

export const useReassignQueue = () =>
  useRoutingMutation((body: BodyOf<typeof routes.routing.reassignQueue>) =>
    api.call(routes.routing.reassignQueue, { body }),
  );

/**
 * My presence. Asking again every few minutes, also from a tab in the background, is what keeps
 * an open Steward from reading as inactive (away).
 */
export function useMyPresence() {
  return useQuery({
    queryKey: routingKeys.presence,
    queryFn: ({ signal }) => api.call(routes.presence.mine, { signal }),
    refetchInterval: 4 * 60_000,
    refetchIntervalInBackground: true,
  });
}

export function useSetPresence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: PresenceStatus) => api.call(routes.presence.setMine, { body: { status } }),
    onSuccess: (presence) => {
      queryClient.setQueryData(routingKeys.presence, presence);
      void queryClient.invalidateQueries({ queryKey: routingKeys.all });
      void queryClient.invalidateQueries({ queryKey: routingKeys.agents });
    },
  });
}

/** Staff presence by user id; off for who may not see it (agents who lead no team). */
export function usePresenceOfStaff(enabled: boolean) {
  return useQuery({
    queryKey: routingKeys.agents,
    queryFn: ({ signal }) => api.call(routes.presence.agents, { signal }),
    select: (result) => new Map(result.data.map((p) => [p.id, p.presence.status])),
    enabled,
    refetchInterval: 60_000,
  });
}

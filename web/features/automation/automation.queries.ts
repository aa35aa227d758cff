import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { Names } from '../../../contracts/automation';
import { api, type BodyOf } from '../../app/api';
import { useTeamOptions } from '../teams/teams.queries';
import { useStaffOptions } from '../users/users.queries';

export const automationKeys = {
  triggers: ['triggers'] as const,
  automations: ['automations'] as const,
};

export function useTriggers() {
  return useQuery({
    queryKey: automationKeys.triggers,
    queryFn: ({ signal }) => api.call(routes.triggers.list, { signal }),
    select: (result) => result.data,
  });
}

export function useAutomations() {
  return useQuery({
    queryKey: automationKeys.automations,
    queryFn: ({ signal }) => api.call(routes.automations.list, { signal }),
    select: (result) => result.data,
  });
}

export type TriggerBody = BodyOf<typeof routes.triggers.create>;
export type AutomationBody = BodyOf<typeof routes.automations.create>;

function useInvalidating<A, R>(key: readonly string[], call: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
}

export const useSaveTrigger = () =>
  useInvalidating(automationKeys.triggers, ({ id, body }: { id: number | null; body: TriggerBody }) =>
    id === null
      ? api.call(routes.triggers.create, { body })
      : api.call(routes.triggers.update, { params: { id }, body }),
  );
export const useToggleTrigger = () =>
  useInvalidating(automationKeys.triggers, ({ id, active }: { id: number; active: boolean }) =>
    api.call(routes.triggers.update, { params: { id }, body: { active } }),
  );
export const useDeleteTrigger = () =>
  useInvalidating(automationKeys.triggers, (id: number) =>
    api.call(routes.triggers.remove, { params: { id } }),
  );
export const useOrderTriggers = () =>
  useInvalidating(automationKeys.triggers, (ids: number[]) =>
    api.call(routes.triggers.order, { body: { ids } }),
  );
export const useTriggerDryRun = () =>
  useMutation({
    mutationFn: (trigger: TriggerBody) => api.call(routes.triggers.dryRun, { body: { trigger } }),
  });

export const useSaveAutomation = () =>
  useInvalidating(automationKeys.automations, ({ id, body }: { id: number | null; body: AutomationBody }) =>
    id === null
      ? api.call(routes.automations.create, { body })
      : api.call(routes.automations.update, { params: { id }, body }),
  );
export const useToggleAutomation = () =>
  useInvalidating(automationKeys.automations, ({ id, active }: { id: number; active: boolean }) =>
    api.call(routes.automations.update, { params: { id }, body: { active } }),
  );
export const useDeleteAutomation = () =>
  useInvalidating(automationKeys.automations, (id: number) =>
    api.call(routes.automations.remove, { params: { id } }),
  );
export const useRunAutomation = () =>
  useInvalidating(automationKeys.automations, (id: number) =>
    api.call(routes.automations.run, { params: { id } }),
  );
export const useAutomationDryRun = () =>
  useMutation({
    mutationFn: (automation: AutomationBody) => api.call(routes.automations.dryRun, { body: { automation } }),
  });

/** Teams and staff by id, for rules in words, and as options for the editor. */
export function useRuleNames() {
  const teams = useTeamOptions();
  const staff = useStaffOptions();
  const names: Names = {
    teams: new Map((teams.data ?? []).map((t) => [Number(t.value), t.label])),
    users: new Map((staff.data ?? []).map((u) => [u.id, u.name])),
  };
  const teamOptions = teams.data ?? [];
  const staffOptions = (staff.data ?? []).map((u) => ({ value: String(u.id), label: u.name }));
  return { names, teamOptions, staffOptions };
}

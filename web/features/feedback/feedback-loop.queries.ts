import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { followUpViews } from '../../../contracts/feedback-loop';
import { api, type BodyOf } from '../../app/api';
import { feedbackKeys } from './feedback.queries';

const r = routes.feedbackLoop;
type View = (typeof followUpViews)[number];

export const loopKeys = {
  themes: ['feedback', 'themes'] as const,
  rules: ['feedback', 'theme-rules'] as const,
  followUps: ['follow-ups'] as const,
  followUpList: (view: View) => ['follow-ups', 'list', view] as const,
  followUp: (id: number) => ['follow-ups', 'one', id] as const,
  myScores: ['feedback', 'mine'] as const,
  followUpSettings: ['follow-ups', 'settings'] as const,
};

export function useThemes(enabled = true) {
  return useQuery({
    queryKey: loopKeys.themes,
    queryFn: ({ signal }) => api.call(r.themes, { signal }),
    select: (result) => result.data,
    enabled,
  });
}

export function useThemeRules() {
  return useQuery({
    queryKey: loopKeys.rules,
    queryFn: ({ signal }) => api.call(r.rules, { signal }),
    select: (result) => result.data,
  });
}

/** After a change to themes or rules: their lists and the inbox's tags and counts. */
function useRefreshThemes() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: feedbackKeys.all });
}

export function useCreateTheme() {
  const refresh = useRefreshThemes();
  return useMutation({
    mutationFn: (body: BodyOf<typeof r.createTheme>) => api.call(r.createTheme, { body }),
    onSuccess: refresh,
  });
}

export function useRenameTheme() {
  const refresh = useRefreshThemes();
  return useMutation({
    mutationFn: ({ id, name }: { id: number; name: string }) =>
      api.call(r.updateTheme, { params: { id }, body: { name } }),
    onSuccess: refresh,
  });
}

export function useDeleteTheme() {
  const refresh = useRefreshThemes();
  return useMutation({
    mutationFn: (id: number) => api.call(r.deleteTheme, { params: { id } }),
    onSuccess: refresh,
  });
}

export function useCreateThemeRule() {
  const refresh = useRefreshThemes();
  return useMutation({
    mutationFn: (body: BodyOf<typeof r.createRule>) => api.call(r.createRule, { body }),
    onSuccess: refresh,
  });
}

export function useUpdateThemeRule() {
  const refresh = useRefreshThemes();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: BodyOf<typeof r.updateRule> }) =>
      api.call(r.updateRule, { params: { id }, body }),
    onSuccess: refresh,
  });
}

export function useDeleteThemeRule() {
  const refresh = useRefreshThemes();
  return useMutation({
    mutationFn: (id: number) => api.call(r.deleteRule, { params: { id } }),
    onSuccess: refresh,
  });
}

export function useRunThemeRules() {
  const refresh = useRefreshThemes();
  return useMutation({ mutationFn: () => api.call(r.runRules, {}), onSuccess: refresh });
}

/** Tags an answer (a survey answer, or an NPS answer) with a theme, or removes the tag. */
export function useToggleAnswerTheme(kind: 'csat' | 'nps' = 'csat') {
  const refresh = useRefreshThemes();
  return useMutation({
    mutationFn: async ({ answerId, themeId, on }: { answerId: number; themeId: number; on: boolean }) => {
      const params = { id: answerId, themeId };
      if (kind === 'nps') await api.call(on ? routes.nps.tagAnswer : routes.nps.untagAnswer, { params });
      else await api.call(on ? r.tagAnswer : r.untagAnswer, { params });
    },
    onSuccess: refresh,
  });
}

export function useFollowUps(view: View) {
  return useQuery({
    queryKey: loopKeys.followUpList(view),
    queryFn: ({ signal }) => api.call(r.followUps, { query: { view }, signal }),
  });
}

export function useFollowUp(id: number | null) {
  return useQuery({
    queryKey: loopKeys.followUp(id ?? 0),
    queryFn: ({ signal }) => api.call(r.followUp, { params: { id: id ?? 0 }, signal }),
    enabled: id !== null,
  });
}

export function useChangeFollowUp(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof r.changeFollowUp>) =>
      api.call(r.changeFollowUp, { params: { id }, body }),
    onSuccess: (detail) => {
      client.setQueryData(loopKeys.followUp(id), detail);
      void client.invalidateQueries({ queryKey: loopKeys.followUps });
    },
  });
}

export function useContactCustomer(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof r.contactCustomer>) =>
      api.call(r.contactCustomer, { params: { id }, body }),
    onSuccess: (result) => {
      client.setQueryData(loopKeys.followUp(id), result.followUp);
      void client.invalidateQueries({ queryKey: loopKeys.followUps });
    },
  });
}

export function useTicketFollowUps(ticketId: number) {
  return useQuery({
    queryKey: ['follow-ups', 'ticket', ticketId] as const,
    queryFn: ({ signal }) => api.call(r.ofTicket, { params: { id: ticketId }, signal }),
    select: (result) => result.data,
  });
}

export function useMyScores() {
  return useQuery({
    queryKey: loopKeys.myScores,
    queryFn: ({ signal }) => api.call(r.myScores, { signal }),
  });
}

export function useFollowUpSettings(enabled: boolean) {
  return useQuery({
    queryKey: loopKeys.followUpSettings,
    queryFn: ({ signal }) => api.call(r.settings, { signal }),
    enabled,
  });
}

export function useUpdateFollowUpSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (dueHours: number) => api.call(r.updateSettings, { body: { dueHours } }),
    onSuccess: (settings) => client.setQueryData(loopKeys.followUpSettings, settings),
  });
}

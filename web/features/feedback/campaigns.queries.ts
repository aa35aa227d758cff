import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import { api, type BodyOf } from '../../app/api';

export const campaignKeys = {
  all: ['nps'] as const,
  list: ['nps', 'campaigns'] as const,
  results: (id: number) => ['nps', 'campaigns', id] as const,
  settings: ['nps', 'settings'] as const,
  answer: (token: string) => ['nps-answer', token] as const,
  unsubscribe: (token: string) => ['unsubscribe', token] as const,
  preference: ['portal', 'survey-preference'] as const,
};

export function useCampaigns() {
  return useQuery({
    queryKey: campaignKeys.list,
    queryFn: ({ signal }) => api.call(routes.nps.list, { signal }),
    select: (result) => result.data,
  });
}

export function useCampaignResults(id: number) {
  return useQuery({
    queryKey: campaignKeys.results(id),
    queryFn: ({ signal }) => api.call(routes.nps.results, { params: { id }, signal }),
  });
}

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.nps.create>) => api.call(routes.nps.create, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}

export function useUpdateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: BodyOf<typeof routes.nps.update> }) =>
      api.call(routes.nps.update, { params: { id }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: campaignKeys.all }),
  });
}

export function useNpsSettings() {
  return useQuery({
    queryKey: campaignKeys.settings,
    queryFn: ({ signal }) => api.call(routes.nps.settings, { signal }),
  });
}

export function useUpdateNpsSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.nps.updateSettings>) =>
      api.call(routes.nps.updateSettings, { body }),
    onSuccess: (settings) => client.setQueryData(campaignKeys.settings, settings),
  });
}

/** The question a campaign link opens (public: no sign-in). Reading it records nothing. */
export function usePublicNps(token: string) {
  return useQuery({
    queryKey: campaignKeys.answer(token),
    queryFn: ({ signal }) => api.call(routes.nps.publicView, { params: { token }, signal }),
    retry: false,
  });
}

export function useAnswerNps(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.nps.publicAnswer>) =>
      api.call(routes.nps.publicAnswer, { params: { token }, body }),
    onSuccess: (view) => client.setQueryData(campaignKeys.answer(token), view),
  });
}

export function useUnsubscribeView(token: string) {
  return useQuery({
    queryKey: campaignKeys.unsubscribe(token),
    queryFn: ({ signal }) => api.call(routes.nps.unsubscribeView, { params: { token }, signal }),
    retry: false,
  });
}

export function useUnsubscribe(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.call(routes.nps.unsubscribe, { params: { token } }),
    onSuccess: () => client.invalidateQueries({ queryKey: campaignKeys.unsubscribe(token) }),
  });
}

export function useSurveyPreference() {
  return useQuery({
    queryKey: campaignKeys.preference,
    queryFn: ({ signal }) => api.call(routes.nps.preference, { signal }),
  });
}

export function useSetSurveyPreference() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.nps.updatePreference>) =>
      api.call(routes.nps.updatePreference, { body }),
    onSuccess: (value) => client.setQueryData(campaignKeys.preference, value),
  });
}

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { ticketChannels } from '../../../contracts/tickets';
import { api, type BodyOf } from '../../app/api';

/** The inbox's filters, as the address and the query carry them. */
export interface AnswersFilter {
  score?: 'positive' | 'negative';
  agentId?: number;
  teamId?: number;
  channel?: (typeof ticketChannels)[number];
  withComment?: 'true';
  sentiment?: 'negative' | 'neutral' | 'positive';
  themeId?: number;
  from?: string;
  to?: string;
}

/** The NPS inbox's filters (NPS answers have no agent, team, category or channel). */
export interface NpsAnswersFilter {
  group?: 'promoter' | 'passive' | 'detractor';
  campaignId?: number;
  withComment?: 'true';
  sentiment?: 'negative' | 'neutral' | 'positive';
  themeId?: number;
  from?: string;
  to?: string;
}

export const feedbackKeys = {
  all: ['feedback'] as const,
  answers: (filter: AnswersFilter) => ['feedback', 'answers', filter] as const,
  npsAnswers: (filter: NpsAnswersFilter) => ['feedback', 'nps-answers', filter] as const,
  settings: ['feedback', 'settings'] as const,
  reasons: ['feedback', 'reasons'] as const,
  ofTicket: (id: number) => ['feedback', 'ticket', id] as const,
  survey: (token: string) => ['survey', token] as const,
};

/** The feedback inbox: pages of answers, newest first, with the summary of the same filter. */
export function useSurveyAnswers(filter: AnswersFilter) {
  return useInfiniteQuery({
    queryKey: feedbackKeys.answers(filter),
    queryFn: ({ pageParam, signal }) =>
      api.call(routes.feedback.answers, {
        query: { ...filter, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The feedback inbox's NPS answers: pages newest answered first, with NPS of the same filter. */
export function useNpsAnswers(filter: NpsAnswersFilter, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: feedbackKeys.npsAnswers(filter),
    queryFn: ({ pageParam, signal }) =>
      api.call(routes.nps.answers, {
        query: { ...filter, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useSurveySettings() {
  return useQuery({
    queryKey: feedbackKeys.settings,
    queryFn: ({ signal }) => api.call(routes.feedback.settings, { signal }),
  });
}

export function useSurveyReasons() {
  return useQuery({
    queryKey: feedbackKeys.reasons,
    queryFn: ({ signal }) => api.call(routes.feedback.reasons, { signal }),
    select: (result) => result.data,
  });
}

export function useUpdateSurveySettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.feedback.updateSettings>) =>
      api.call(routes.feedback.updateSettings, { body }),
    onSuccess: (settings) => client.setQueryData(feedbackKeys.settings, settings),
  });
}

export function useCreateSurveyReason() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.feedback.createReason>) =>
      api.call(routes.feedback.createReason, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: feedbackKeys.reasons }),
  });
}

export function useUpdateSurveyReason() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: BodyOf<typeof routes.feedback.updateReason> }) =>
      api.call(routes.feedback.updateReason, { params: { id }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: feedbackKeys.reasons }),
  });
}

/** A ticket's survey and answer, for the ticket's side panel. */
export function useTicketSatisfaction(ticketId: number) {
  return useQuery({
    queryKey: feedbackKeys.ofTicket(ticketId),
    queryFn: ({ signal }) => api.call(routes.feedback.ofTicket, { params: { id: ticketId }, signal }),
  });
}

/** The survey a link opens (public: no sign-in). */
export function usePublicSurvey(token: string) {
  return useQuery({
    queryKey: feedbackKeys.survey(token),
    queryFn: ({ signal }) => api.call(routes.feedback.publicView, { params: { token }, signal }),
    retry: false,
  });
}

export function useAnswerSurvey(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.feedback.publicAnswer>) =>
      api.call(routes.feedback.publicAnswer, { params: { token }, body }),
    onSuccess: (survey) => client.setQueryData(feedbackKeys.survey(token), survey),
  });
}

/** The survey of a portal customer's own request: none (404) until it was sent. */
export function usePortalSurvey(ticketId: number, enabled: boolean) {
  return useQuery({
    queryKey: ['portal', 'survey', ticketId],
    queryFn: ({ signal }) => api.call(routes.feedback.ownView, { params: { id: ticketId }, signal }),
    enabled,
    retry: false,
  });
}

export function useAnswerPortalSurvey(ticketId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.feedback.ownAnswer>) =>
      api.call(routes.feedback.ownAnswer, { params: { id: ticketId }, body }),
    onSuccess: (survey) => client.setQueryData(['portal', 'survey', ticketId], survey),
  });
}

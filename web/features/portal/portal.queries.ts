import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { MailPreferences } from '../../../contracts/portal';
import type { TicketStatus } from '../../../contracts/tickets';
import { api, setCsrfToken } from '../../app/api';
import { fetchMe, meQueryKey } from '../../app/session';
import { portalKeys } from './portal.keys';
import { usePortalPollInterval } from './portal.live';

/** What customers read instead of internal status names. */
export const portalStatusLabels: Record<TicketStatus, string> = {
  new: "We're on it",
  open: "We're on it",
  pending: 'Waiting for your reply',
  on_hold: 'On hold',
  solved: 'Solved',
  closed: 'Closed',
};

export const portalStatusColors: Record<TicketStatus, string> = {
  new: 'blue',
  open: 'blue',
  pending: 'orange',
  on_hold: 'gray',
  solved: 'teal',
  closed: 'gray',
};

export function usePortalRequests() {
  const refetchInterval = usePortalPollInterval(60_000);
  return useQuery({
    queryKey: portalKeys.requests,
    queryFn: ({ signal }) => api.call(routes.portal.list, { signal }),
    select: (result) => result.data,
    refetchInterval,
  });
}

export function usePortalRequest(id: number) {
  const refetchInterval = usePortalPollInterval(30_000);
  return useQuery({
    queryKey: portalKeys.request(id),
    queryFn: ({ signal }) => api.call(routes.portal.get, { params: { id }, signal }),
    enabled: Number.isInteger(id) && id > 0,
    refetchInterval,
  });
}

export function useCreatePortalRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { subject: string; body: string; attachmentIds: number[] }) =>
      api.call(routes.portal.create, { body }),
    onSuccess: (detail) => {
      queryClient.setQueryData(portalKeys.request(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: portalKeys.requests });
    },
  });
}

export function usePortalReply(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string; attachmentIds: number[] }) =>
      api.call(routes.portal.reply, { params: { id }, body }),
    onSuccess: (detail) => {
      queryClient.setQueryData(portalKeys.request(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: portalKeys.requests });
      if (detail.id !== id) void queryClient.invalidateQueries({ queryKey: portalKeys.request(id) });
    },
  });
}

/** One file, uploaded for a request still being written, to go with it. */
export function usePortalUploadForNew() {
  return useMutation({
    mutationFn: (file: File) => api.call(routes.portal.attachToNew, { file }),
  });
}

/** One file, uploaded to the request to go with the next reply. */
export function usePortalUpload(id: number) {
  return useMutation({
    mutationFn: (file: File) => api.call(routes.portal.attach, { params: { id }, file }),
  });
}

export function usePortalPreferences() {
  return useQuery({
    queryKey: portalKeys.preferences,
    queryFn: ({ signal }) => api.call(routes.portal.preferences, { signal }),
  });
}

/** Saves what the customer wants mailed; the switches show the new choice at once. */
export function useSetPortalPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MailPreferences) => api.call(routes.portal.setPreferences, { body }),
    onMutate: async (next) => {
      await queryClient.cancelQueries({ queryKey: portalKeys.preferences });
      const before = queryClient.getQueryData<MailPreferences>(portalKeys.preferences);
      queryClient.setQueryData(portalKeys.preferences, next);
      return { before };
    },
    onError: (_error, _next, context) => {
      if (context?.before) queryClient.setQueryData(portalKeys.preferences, context.before);
    },
    onSuccess: (saved) => queryClient.setQueryData(portalKeys.preferences, saved),
  });
}

export function useRequestMagicLink() {
  return useMutation({
    mutationFn: (email: string) => api.call(routes.portal.requestLink, { body: { email } }),
  });
}

/** Signs in with the token from an emailed link. */
export function useRedeemMagicLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ token, totp }: { token: string; totp?: string }) => {
      const session = await api.call(routes.portal.redeemLink, {
        body: { token, ...(totp ? { totp } : {}) },
      });
      setCsrfToken(session.csrfToken);
      return session.user ?? (await fetchMe());
    },
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

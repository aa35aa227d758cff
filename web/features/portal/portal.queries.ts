import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PortalTicket, PortalTicketDetail } from '../../../contracts/portal';
import type { Attachment, TicketStatus } from '../../../contracts/tickets';
import { api, setCsrfToken } from '../../app/api';
import { fetchMe, meQueryKey, type SessionResponse } from '../../app/session';

export const portalKeys = {
  all: ['portal'] as const,
  requests: ['portal', 'requests'] as const,
  request: (id: number) => ['portal', 'requests', id] as const,
};

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
  return useQuery({
    queryKey: portalKeys.requests,
    queryFn: ({ signal }) => api.get<{ data: PortalTicket[] }>('/portal/tickets', undefined, signal),
    select: (result) => result.data,
    refetchInterval: 60_000,
  });
}

export function usePortalRequest(id: number) {
  return useQuery({
    queryKey: portalKeys.request(id),
    queryFn: ({ signal }) => api.get<PortalTicketDetail>(`/portal/tickets/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
    refetchInterval: 30_000,
  });
}

export function useCreatePortalRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { subject: string; body: string }) =>
      api.post<PortalTicketDetail>('/portal/tickets', body),
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
      api.post<PortalTicketDetail>(`/portal/tickets/${id}/messages`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(portalKeys.request(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: portalKeys.requests });
      if (detail.id !== id) void queryClient.invalidateQueries({ queryKey: portalKeys.request(id) });
    },
  });
}

/** One file, uploaded to the request to go with the next reply. */
export function usePortalUpload(id: number) {
  return useMutation({
    mutationFn: (file: File) => api.upload<Attachment>(`/portal/tickets/${id}/attachments`, file),
  });
}

export function useRequestMagicLink() {
  return useMutation({
    mutationFn: (email: string) => api.post<unknown>('/portal/magic-links', { email }),
  });
}

/** Signs in with the token from an emailed link. */
export function useRedeemMagicLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ token, totp }: { token: string; totp?: string }) => {
      const session = await api.post<SessionResponse>('/portal/sessions', {
        token,
        ...(totp ? { totp } : {}),
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

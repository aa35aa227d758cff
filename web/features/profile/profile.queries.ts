import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, SessionListItem, TwoFactorSetup } from '../../../contracts/auth';
import { api } from '../../app/api';
import { meQueryKey } from '../../app/session';

const sessionsKey = ['me', 'sessions'] as const;

export interface UpdateMeBody {
  name?: string;
  timezone?: string;
  languages?: string[];
}

function useSetMe() {
  const queryClient = useQueryClient();
  return (me: Me) => {
    queryClient.setQueryData(meQueryKey, me);
    void queryClient.invalidateQueries({ queryKey: ['users'] });
  };
}

export function useUpdateMe() {
  const setMe = useSetMe();
  return useMutation({ mutationFn: (body: UpdateMeBody) => api.patch<Me>('/me', body), onSuccess: setMe });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.put<{ ok: true }>('/me/password', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useStartTwoFactor() {
  return useMutation({ mutationFn: () => api.post<TwoFactorSetup>('/me/two-factor') });
}

export function useEnableTwoFactor() {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: (code: string) => api.put<Me>('/me/two-factor', { code }),
    onSuccess: setMe,
  });
}

export function useDisableTwoFactor() {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: (password: string) => api.delete<Me>('/me/two-factor', { password }),
    onSuccess: setMe,
  });
}

export function useMySessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: ({ signal }) => api.get<{ data: SessionListItem[] }>('/me/sessions', undefined, signal),
    select: (result) => result.data,
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/me/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

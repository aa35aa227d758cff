import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { Me } from '../../../contracts/auth';
import { api, type BodyOf } from '../../app/api';
import { meQueryKey } from '../../app/session';

const sessionsKey = ['me', 'sessions'] as const;

export type UpdateMeBody = BodyOf<typeof routes.profile.update>;

function useSetMe() {
  const queryClient = useQueryClient();
  return (me: Me) => {
    queryClient.setQueryData(meQueryKey, me);
    void queryClient.invalidateQueries({ queryKey: ['users'] });
  };
}

export function useUpdateMe() {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: (body: UpdateMeBody) => api.call(routes.profile.update, { body }),
    onSuccess: setMe,
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.call(routes.profile.changePassword, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useStartTwoFactor() {
  return useMutation({ mutationFn: () => api.call(routes.profile.setUpTwoFactor) });
}

export function useEnableTwoFactor() {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: (code: string) => api.call(routes.profile.enableTwoFactor, { body: { code } }),
    onSuccess: setMe,
  });
}

export function useDisableTwoFactor() {
  const setMe = useSetMe();
  return useMutation({
    mutationFn: (password: string) => api.call(routes.profile.disableTwoFactor, { body: { password } }),
    onSuccess: setMe,
  });
}

export function useMySessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: ({ signal }) => api.call(routes.profile.sessions, { signal }),
    select: (result) => result.data,
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.call(routes.profile.revokeSession, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
// The auth routes alone, not the whole table: the sign-in page is the first page most people load.
import { authRoutes } from '../../../contracts/api/auth';
import type { LoginBody } from '../../../contracts/auth';
import { api, holdRequests, resumeRequests, setCsrfToken } from '../../app/api';
import { notifyError } from '../../app/notify';
import { fetchMe, meQueryKey, noteSignedOutOnPurpose } from '../../app/session';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: LoginBody) => {
      const session = await api.call(authRoutes.login, { body });
      setCsrfToken(session.csrfToken);
      return session.user ?? (await fetchMe());
    },
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

/** Signs out; the signed-in shell then sends the person to the sign-in page. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    // Polls (the bell, live lists) stop first: one answered after the session ends would be a 401.
    onMutate: () => holdRequests(),
    mutationFn: () => api.call(authRoutes.logout),
    onError: (error) => notifyError(error, 'Sign-out did not reach the server'),
    onSettled: () => {
      setCsrfToken(null);
      noteSignedOutOnPurpose(true);
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      resumeRequests();
    },
  });
}

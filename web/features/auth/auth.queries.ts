import { useMutation, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { LoginBody } from '../../../contracts/auth';
import { api, setCsrfToken } from '../../app/api';
import { notifyError } from '../../app/notify';
import { fetchMe, meQueryKey, noteSignedOutOnPurpose } from '../../app/session';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: LoginBody) => {
      const session = await api.call(routes.auth.login, { body });
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
    mutationFn: () => api.call(routes.auth.logout),
    onError: (error) => notifyError(error, 'Sign-out did not reach the server'),
    onSettled: () => {
      setCsrfToken(null);
      noteSignedOutOnPurpose(true);
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
  });
}

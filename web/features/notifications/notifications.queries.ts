import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import { api } from '../../app/api';

export const notificationsKeys = {
  all: ['me', 'notifications'] as const,
};

/** My latest mentions and how many are unread; refreshed every minute and on live ticket changes. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationsKeys.all,
    queryFn: ({ signal }) => api.call(routes.profile.notifications, { signal }),
    refetchInterval: 60_000,
  });
}

/** Marks the given notifications read, or all of them when no ids are given. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: number[]) =>
      api.call(routes.profile.markNotifications, { body: ids === undefined ? {} : { ids } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationsKeys.all }),
  });
}

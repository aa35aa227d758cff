import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification } from '../../../contracts/auth';
import { api } from '../../app/api';

export const notificationsKeys = {
  all: ['me', 'notifications'] as const,
};

export interface NotificationsList {
  data: Notification[];
  unread: number;
}

/** My latest mentions and how many are unread; refreshed every minute and on live ticket changes. */
export function useNotifications() {
  return useQuery({
    queryKey: notificationsKeys.all,
    queryFn: ({ signal }) => api.get<NotificationsList>('/me/notifications', undefined, signal),
    refetchInterval: 60_000,
  });
}

/** Marks the given notifications read, or all of them when no ids are given. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: number[]) =>
      api.patch<{ ok: true }>('/me/notifications', ids === undefined ? {} : { ids }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationsKeys.all }),
  });
}

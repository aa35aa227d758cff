import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Role } from '../../../contracts/common';
import type { CreateUserBody, UpdateUserBody, User } from '../../../contracts/users';
import { api, type Page } from '../../app/api';
import { meQueryKey } from '../../app/session';

export type UserStatusFilter = 'active' | 'deactivated' | 'all';

export interface UserFilters {
  q: string;
  role: Role | null;
  status: UserStatusFilter;
  teamId: number | null;
}

export const usersKeys = {
  all: ['users'] as const,
  list: (filters: UserFilters) => ['users', 'list', filters] as const,
  detail: (id: number) => ['users', 'detail', id] as const,
  options: ['users', 'options'] as const,
  search: (q: string) => ['users', 'search', q] as const,
};

export function useUsersList(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: usersKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<User>>(
        '/users',
        {
          q: filters.q.trim(),
          role: filters.role,
          status: filters.status,
          teamId: filters.teamId,
          limit: 50,
          cursor: pageParam,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: number) {
  return useQuery({
    queryKey: usersKeys.detail(id),
    queryFn: ({ signal }) => api.get<User>(`/users/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Active staff, for pickers (team members, audit actor). */
export function useStaffOptions(enabled = true) {
  return useQuery({
    queryKey: usersKeys.options,
    queryFn: ({ signal }) => api.get<Page<User>>('/users', { status: 'active', limit: 200 }, signal),
    select: (page) => page.data.filter((u) => u.role !== 'customer'),
    staleTime: 60_000,
    enabled,
  });
}

/** People whose name or email matches, for the command palette. */
export function useUserSearch(q: string, enabled: boolean) {
  const term = q.trim();
  return useQuery({
    queryKey: usersKeys.search(term),
    queryFn: ({ signal }) => api.get<Page<User>>('/users', { q: term, status: 'all', limit: 8 }, signal),
    enabled: enabled && term.length >= 2,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.post<User>('/users', body),
    onSuccess: (user) => {
      queryClient.setQueryData(usersKeys.detail(user.id), user);
      void queryClient.invalidateQueries({ queryKey: usersKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
    },
  });
}

export function useUpdateUser(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUserBody) => api.patch<User>(`/users/${id}`, body),
    onSuccess: (user) => {
      queryClient.setQueryData(usersKeys.detail(id), user);
      void queryClient.invalidateQueries({ queryKey: usersKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function useSetUserPassword(id: number) {
  return useMutation({
    mutationFn: (password: string) => api.put<{ ok: true }>(`/users/${id}/password`, { password }),
  });
}

export function useResetUserTwoFactor(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<User>(`/users/${id}/two-factor`),
    onSuccess: (user) => {
      queryClient.setQueryData(usersKeys.detail(id), user);
      void queryClient.invalidateQueries({ queryKey: usersKeys.all });
    },
  });
}

export function useSignOutUserEverywhere(id: number) {
  return useMutation({
    mutationFn: () => api.delete<{ ok: true }>(`/users/${id}/sessions`),
  });
}

import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { Role } from '../../../contracts/common';
import type { CreateUserBody, UpdateUserBody } from '../../../contracts/users';
import { api } from '../../app/api';
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
      api.call(routes.users.list, {
        query: {
          q: filters.q.trim(),
          role: filters.role,
          status: filters.status,
          teamId: filters.teamId,
          limit: 50,
          cursor: pageParam,
        },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: number) {
  return useQuery({
    queryKey: usersKeys.detail(id),
    queryFn: ({ signal }) => api.call(routes.users.get, { params: { id }, signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Active staff, for pickers (team members, audit actor). */
export function useStaffOptions(enabled = true) {
  return useQuery({
    queryKey: usersKeys.options,
    queryFn: ({ signal }) => api.call(routes.users.list, { query: { status: 'active', limit: 200 }, signal }),
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
    queryFn: ({ signal }) =>
      api.call(routes.users.list, { query: { q: term, status: 'all', limit: 8 }, signal }),
    enabled: enabled && term.length >= 2,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => api.call(routes.users.create, { body }),
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
    mutationFn: (body: UpdateUserBody) => api.call(routes.users.update, { params: { id }, body }),
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
    mutationFn: (password: string) =>
      api.call(routes.users.setPassword, { params: { id }, body: { password } }),
  });
}

export function useResetUserTwoFactor(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.call(routes.users.resetTwoFactor, { params: { id } }),
    onSuccess: (user) => {
      queryClient.setQueryData(usersKeys.detail(id), user);
      void queryClient.invalidateQueries({ queryKey: usersKeys.all });
    },
  });
}

export function useSignOutUserEverywhere(id: number) {
  return useMutation({
    mutationFn: () => api.call(routes.users.signOut, { params: { id } }),
  });
}

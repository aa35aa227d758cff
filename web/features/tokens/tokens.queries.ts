import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { CreateApiTokenBody } from '../../../contracts/tokens';
import { api } from '../../app/api';

export type TokenStatusFilter = 'active' | 'revoked' | 'all';

export const tokensKeys = {
  all: ['api-tokens'] as const,
  list: (status: TokenStatusFilter) => ['api-tokens', 'list', status] as const,
};

export function useTokensList(status: TokenStatusFilter) {
  return useInfiniteQuery({
    queryKey: tokensKeys.list(status),
    queryFn: ({ pageParam, signal }) =>
      api.call(routes.tokens.list, { query: { status, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => api.call(routes.tokens.create, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokensKeys.all }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.call(routes.tokens.revoke, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokensKeys.all }),
  });
}

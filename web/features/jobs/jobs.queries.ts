import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { jobFailureStatuses } from '../../../contracts/jobs';
import { api } from '../../app/api';

export type JobFailureStatus = (typeof jobFailureStatuses)[number];

const jobKeys = {
  all: ['job-failures'] as const,
  list: (status: JobFailureStatus) => ['job-failures', status] as const,
};

export function useJobFailures(status: JobFailureStatus) {
  return useInfiniteQuery({
    queryKey: jobKeys.list(status),
    queryFn: ({ pageParam, signal }) =>
      api.call(routes.jobs.list, { query: { status, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useRetryJobFailure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.call(routes.jobs.retry, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: jobKeys.all }),
  });
}

export function useDiscardJobFailure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.call(routes.jobs.remove, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: jobKeys.all }),
  });
}

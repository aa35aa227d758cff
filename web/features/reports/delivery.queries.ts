import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import { api, type BodyOf } from '../../app/api';

const r = routes.reportDelivery;

export const deliveryKeys = {
  shares: ['report-shares'] as const,
  schedules: ['report-schedules'] as const,
  runs: (id: number) => ['report-schedules', id, 'runs'] as const,
  shared: (token: string) => ['shared-report', token] as const,
};

export type CreateShareBody = BodyOf<typeof r.createShare>;
export type CreateScheduleBody = BodyOf<typeof r.createSchedule>;

export function useShares() {
  return useQuery({ queryKey: deliveryKeys.shares, queryFn: ({ signal }) => api.call(r.shares, { signal }) });
}

export function useCreateShare() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateShareBody) => api.call(r.createShare, { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: deliveryKeys.shares }),
  });
}

export function useRevokeShare() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.call(r.revokeShare, { params: { id } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: deliveryKeys.shares }),
  });
}

export function useSharedReport(token: string) {
  return useQuery({
    queryKey: deliveryKeys.shared(token),
    queryFn: ({ signal }) => api.call(r.shared, { params: { token }, signal }),
    retry: false,
  });
}

export const sharedExportUrl = (token: string) => api.urlOf(r.sharedExport, { token });

export function useSchedules() {
  return useQuery({
    queryKey: deliveryKeys.schedules,
    queryFn: ({ signal }) => api.call(r.schedules, { signal }),
  });
}

export function useScheduleRuns(id: number | null) {
  return useQuery({
    queryKey: deliveryKeys.runs(id ?? 0),
    queryFn: ({ signal }) => api.call(r.scheduleRuns, { params: { id: id ?? 0 }, signal }),
    enabled: id !== null,
  });
}

export function useSaveSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: CreateScheduleBody }) =>
      id === null
        ? api.call(r.createSchedule, { body })
        : api.call(r.updateSchedule, { params: { id }, body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: deliveryKeys.schedules }),
  });
}

export function useDeleteSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.call(r.deleteSchedule, { params: { id } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: deliveryKeys.schedules }),
  });
}

export function useSendScheduleNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.call(r.sendScheduleNow, { params: { id } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: deliveryKeys.schedules }),
  });
}

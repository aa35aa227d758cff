import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { TrendMeasure, TrendSplit } from '../../../contracts/trends';
import { api, type BodyOf } from '../../app/api';

export interface TrendFilter {
  from: string;
  to: string;
  measure: TrendMeasure;
  split: TrendSplit;
  grain: 'day' | 'week';
  field?: string;
}

export const trendsKeys = {
  trend: (filter: TrendFilter) => ['trends', filter] as const,
  alerts: ['spike-alerts'] as const,
  settings: ['spike-alerts', 'settings'] as const,
};

export function useTrend(filter: TrendFilter, enabled: boolean) {
  return useQuery({
    queryKey: trendsKeys.trend(filter),
    queryFn: ({ signal }) => api.call(routes.trends.get, { query: { ...filter, top: 5 }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSpikeAlerts() {
  return useQuery({
    queryKey: trendsKeys.alerts,
    queryFn: ({ signal }) => api.call(routes.spikeAlerts.list, { query: { state: 'unresolved' }, signal }),
    select: (result) => result.data,
  });
}

export function useAcknowledgeSpike() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.call(routes.spikeAlerts.acknowledge, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: trendsKeys.alerts }),
  });
}

export function useSpikeSettings() {
  return useQuery({
    queryKey: trendsKeys.settings,
    queryFn: ({ signal }) => api.call(routes.spikeAlerts.settings, { signal }),
  });
}

export function useUpdateSpikeSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.spikeAlerts.updateSettings>) =>
      api.call(routes.spikeAlerts.updateSettings, { body }),
    onSuccess: (settings) => client.setQueryData(trendsKeys.settings, settings),
  });
}

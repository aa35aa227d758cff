import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { DataQualityOverview } from '../../../contracts/data-quality';
import { api, type BodyOf } from '../../app/api';

export const dataQualityKey = ['data-quality'] as const;

export function useDataQuality() {
  return useQuery({
    queryKey: dataQualityKey,
    queryFn: ({ signal }) => api.call(routes.dataQuality.overview, { signal }),
  });
}

export function useRunChecks() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.call(routes.dataQuality.run, {}),
    onSuccess: () => void client.invalidateQueries({ queryKey: dataQualityKey }),
  });
}

export function useUpdateDataQualitySettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.dataQuality.updateSettings>) =>
      api.call(routes.dataQuality.updateSettings, { body }),
    onSuccess: (settings) =>
      client.setQueryData<DataQualityOverview>(dataQualityKey, (old) => (old ? { ...old, settings } : old)),
  });
}

/** The safe fix; the checks run again after it, so the list shows what is left. */
export function useFixDeactivatedAssignees() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (ticketIds: number[]) => {
      const result = await api.call(routes.dataQuality.fix, {
        body: { check: 'deactivated-assignee', ticketIds },
      });
      await api.call(routes.dataQuality.run, {});
      return result;
    },
    onSettled: () => void client.invalidateQueries({ queryKey: dataQualityKey }),
  });
}

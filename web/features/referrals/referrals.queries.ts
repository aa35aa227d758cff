import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { ReferralsQuery } from '../../../contracts/referrals';
import { api, type BodyOf } from '../../app/api';

export const referralKeys = {
  all: ['referrals'] as const,
  list: (query: ReferralsQuery) => ['referrals', 'list', query] as const,
};

export function useReferrals(query: ReferralsQuery) {
  return useQuery({
    queryKey: referralKeys.list(query),
    queryFn: ({ signal }) => api.call(routes.referrals.list, { query, signal }),
    select: (result) => result.data,
  });
}

export function useCreateReferral() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.referrals.create>) => api.call(routes.referrals.create, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: referralKeys.all }),
  });
}

export function useSetReferralState() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: BodyOf<typeof routes.referrals.setState> }) =>
      api.call(routes.referrals.setState, { params: { id }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: referralKeys.all }),
  });
}

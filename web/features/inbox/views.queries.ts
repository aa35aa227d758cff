import { useMutation, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { ViewFilters, ViewSort } from '../../../contracts/tickets';
import { api } from '../../app/api';
import { ticketsKeys } from '../tickets/tickets.queries';
import type { ColumnKey } from './columns';

export interface NewViewBody {
  name: string;
  shared: boolean;
  filters: ViewFilters;
  sort: ViewSort;
  columns: ColumnKey[];
}

/** What the Inbox changes on a saved view. */
export interface ViewChanges {
  name?: string;
  shared?: boolean;
  filters?: ViewFilters;
  sort?: ViewSort;
  columns?: ColumnKey[];
}

export function useSaveView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewViewBody) => api.call(routes.views.create, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ticketsKeys.views }),
  });
}

export function useUpdateView(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: ViewChanges) => api.call(routes.views.update, { params: { id }, body: changes }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ticketsKeys.views }),
  });
}

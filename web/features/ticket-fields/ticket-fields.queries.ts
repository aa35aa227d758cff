import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TicketSettings } from '../../../contracts/settings';
import type { Category, CustomField } from '../../../contracts/tickets';
import { api } from '../../app/api';
import type { CustomFieldType, TicketType } from '../../app/ticketLabels';

export const ticketFieldsKeys = {
  categories: ['categories'] as const,
  customFields: ['custom-fields'] as const,
  settings: ['settings', 'tickets'] as const,
};

export function useCategories() {
  return useQuery({
    queryKey: ticketFieldsKeys.categories,
    queryFn: ({ signal }) => api.get<{ data: Category[] }>('/categories', undefined, signal),
    select: (result) => result.data,
    staleTime: 5 * 60_000,
  });
}

export function useCustomFields() {
  return useQuery({
    queryKey: ticketFieldsKeys.customFields,
    queryFn: ({ signal }) => api.get<{ data: CustomField[] }>('/custom-fields', undefined, signal),
    select: (result) => result.data,
    staleTime: 5 * 60_000,
  });
}

/** Fields that apply to a ticket of this type (no types listed = every type), in order. */
export function fieldsForType(fields: CustomField[], type: TicketType): CustomField[] {
  return fields
    .filter((f) => !f.archived && (f.ticketTypes.length === 0 || f.ticketTypes.includes(type)))
    .sort((a, b) => a.position - b.position || a.id - b.id);
}

export interface CategoryBody {
  name?: string;
  parentId?: number | null;
  position?: number;
  archived?: boolean;
}

export function useCreateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; parentId: number | null; position: number }) =>
      api.post<Category>('/categories', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ticketFieldsKeys.categories }),
  });
}

export function useUpdateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: CategoryBody }) =>
      api.patch<Category>(`/categories/${id}`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ticketFieldsKeys.categories }),
  });
}

export interface CustomFieldBody {
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  ticketTypes: TicketType[];
  required: boolean;
  position: number;
}

export function useCreateCustomField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomFieldBody) => api.post<CustomField>('/custom-fields', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ticketFieldsKeys.customFields }),
  });
}

export function useUpdateCustomField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id: number;
      body: Partial<Omit<CustomFieldBody, 'key' | 'type'>> & { archived?: boolean };
    }) => api.patch<CustomField>(`/custom-fields/${id}`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ticketFieldsKeys.customFields }),
  });
}

export function useTicketSettings() {
  return useQuery({
    queryKey: ticketFieldsKeys.settings,
    queryFn: ({ signal }) => api.get<TicketSettings>('/settings/tickets', undefined, signal),
  });
}

export function useUpdateTicketSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<TicketSettings>) => api.patch<TicketSettings>('/settings/tickets', body),
    onSuccess: (settings) => queryClient.setQueryData(ticketFieldsKeys.settings, settings),
  });
}

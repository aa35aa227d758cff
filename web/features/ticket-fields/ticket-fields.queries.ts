import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { ChannelSettings, TicketSettings } from '../../../contracts/settings';
import type { CustomField } from '../../../contracts/tickets';
import { api, type BodyOf } from '../../app/api';
import type { CustomFieldType, TicketType } from '../../app/ticketLabels';

export const ticketFieldsKeys = {
  categories: ['categories'] as const,
  customFields: ['custom-fields'] as const,
  settings: ['settings', 'tickets'] as const,
  channels: ['settings', 'channels'] as const,
};

export function useCategories() {
  return useQuery({
    queryKey: ticketFieldsKeys.categories,
    queryFn: ({ signal }) => api.call(routes.ticketFields.categories, { signal }),
    select: (result) => result.data,
    staleTime: 5 * 60_000,
  });
}

export function useCustomFields() {
  return useQuery({
    queryKey: ticketFieldsKeys.customFields,
    queryFn: ({ signal }) => api.call(routes.ticketFields.customFields, { signal }),
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

export type CategoryBody = BodyOf<typeof routes.ticketFields.updateCategory>;

export function useCreateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; parentId: number | null; position: number }) =>
      api.call(routes.ticketFields.createCategory, { body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ticketFieldsKeys.categories }),
  });
}

export function useUpdateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: CategoryBody }) =>
      api.call(routes.ticketFields.updateCategory, { params: { id }, body }),
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
    mutationFn: (body: CustomFieldBody) => api.call(routes.ticketFields.createCustomField, { body }),
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
    }) => api.call(routes.ticketFields.updateCustomField, { params: { id }, body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ticketFieldsKeys.customFields }),
  });
}

export function useTicketSettings() {
  return useQuery({
    queryKey: ticketFieldsKeys.settings,
    queryFn: ({ signal }) => api.call(routes.ticketFields.settings, { signal }),
  });
}

export function useUpdateTicketSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<TicketSettings>) => api.call(routes.ticketFields.updateSettings, { body }),
    onSuccess: (settings) => queryClient.setQueryData(ticketFieldsKeys.settings, settings),
  });
}

/** Where new requests from the contact form and the portal go. */
export function useChannelSettings() {
  return useQuery({
    queryKey: ticketFieldsKeys.channels,
    queryFn: ({ signal }) => api.call(routes.ticketFields.channelSettings, { signal }),
  });
}

export function useUpdateChannelSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChannelSettings) => api.call(routes.ticketFields.updateChannelSettings, { body }),
    onSuccess: (settings) => queryClient.setQueryData(ticketFieldsKeys.channels, settings),
  });
}

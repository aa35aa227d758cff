import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import { api, type BodyOf } from '../../app/api';

export const businessHoursKeys = {
  all: ['business-hours'] as const,
  preview: (id: number, from: string) => ['business-hours', id, 'preview', from] as const,
};

export function useCalendars() {
  return useQuery({
    queryKey: businessHoursKeys.all,
    queryFn: ({ signal }) => api.call(routes.businessHours.list, { signal }),
    select: (result) => result.data,
  });
}

export function useCalendarPreview(id: number, from: string) {
  return useQuery({
    queryKey: businessHoursKeys.preview(id, from),
    queryFn: ({ signal }) =>
      api.call(routes.businessHours.preview, { params: { id }, query: { from, days: 7 }, signal }),
  });
}

export type CalendarBody = BodyOf<typeof routes.businessHours.create>;

function useInvalidating<A, R>(call: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: businessHoursKeys.all }),
  });
}

export const useCreateCalendar = () =>
  useInvalidating((body: CalendarBody) => api.call(routes.businessHours.create, { body }));

export const useUpdateCalendar = () =>
  useInvalidating(({ id, body }: { id: number; body: BodyOf<typeof routes.businessHours.update> }) =>
    api.call(routes.businessHours.update, { params: { id }, body }),
  );

export const useDeleteCalendar = () =>
  useInvalidating((id: number) => api.call(routes.businessHours.remove, { params: { id } }));

export const useImportHolidays = () =>
  useInvalidating(({ id, ics, replace }: { id: number; ics: string; replace: boolean }) =>
    api.call(routes.businessHours.importHolidays, { params: { id }, body: { ics, replace } }),
  );

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { routes } from '../../../contracts/api';
import type { DrillMetric, ReportKind } from '../../../contracts/reports';
import type { TicketPriority } from '../../../contracts/tickets';
import { api } from '../../app/api';
import type { TicketChannel, TicketType } from '../../app/ticketLabels';

/** The report filters as the address and the query carry them. */
export interface ReportFilter {
  from: string;
  to: string;
  tz?: string;
  teamId?: number;
  channel?: TicketChannel;
  priority?: TicketPriority;
  type?: TicketType;
}

export const reportsKeys = {
  all: ['reports'] as const,
  report: (kind: ReportKind, filter: ReportFilter) => ['reports', kind, filter] as const,
  drill: (metric: DrillMetric, filter: ReportFilter) => ['reports', 'drill', metric, filter] as const,
};

export function useReport(kind: ReportKind, filter: ReportFilter) {
  return useQuery({
    queryKey: reportsKeys.report(kind, filter),
    queryFn: ({ signal }) =>
      api.call(routes.reports.report, { params: { report: kind }, query: filter, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDrill(metric: DrillMetric | null, filter: ReportFilter) {
  return useQuery({
    queryKey: reportsKeys.drill(metric ?? 'created', filter),
    queryFn: ({ signal }) =>
      api.call(routes.reports.drill, {
        query: { ...filter, metric: metric ?? 'created', limit: 100 },
        signal,
      }),
    enabled: metric !== null,
  });
}

export const reportExportUrl = (kind: ReportKind, format: 'csv' | 'xlsx', filter: ReportFilter) =>
  api.urlOf(routes.reports.export, { report: kind }, { ...filter, format });

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctx, protectedErrors } from '../../platform/http';
import { reportsSchemas as s } from './reports.schemas';
import type { ReportsService } from './reports.service';

const tags = ['reports'];
const read = { access: 'reports.read' } as const;

export const reportsRoutes: FastifyPluginAsyncZod<{ reports: ReportsService }> = async (app, { reports }) => {
  app.get(
    '/api/v1/reports/drill',
    {
      config: read,
      schema: {
        tags,
        summary: 'The tickets behind a report figure: metric, period and the report filters',
        querystring: s.drill.querystring,
        response: { 200: s.drill.response, ...protectedErrors },
      },
    },
    (req) => {
      const { metric, limit, ...filters } = req.query;
      return reports.drill(ctx(req), metric, filters, limit);
    },
  );

  app.get(
    '/api/v1/reports/:report',
    {
      config: read,
      schema: {
        tags,
        summary:
          'A KPI report (volume, speed, service levels, quality, satisfaction, agent productivity, complaints) for a period, compared with the previous one',
        params: s.report.params,
        querystring: s.report.querystring,
        response: { 200: s.report.response, ...protectedErrors },
      },
    },
    (req) => reports.report(ctx(req), req.params.report, req.query),
  );

  app.get(
    '/api/v1/reports/:report/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'A KPI report as CSV or an XLSX workbook',
        params: s.export.params,
        querystring: s.export.querystring,
        response: { 200: s.export.response, ...protectedErrors },
      },
    },
    async (req, reply) => {
      const { format, ...filters } = req.query;
      const file = await reports.export(ctx(req), req.params.report, format, filters);
      return reply
        .header('content-type', file.type)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
};

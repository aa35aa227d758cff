import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctx, protectedErrors } from '../../platform/http';
import { auditSchemas as s } from './audit.schemas';
import type { AuditService } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    '/api/v1/audit-log',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary:
          'Every write: who, what, when, before and after, as a sentence; filter by actor, entity, action and date',
        querystring: s.list.querystring,
        response: { 200: s.list.response, ...protectedErrors },
      },
    },
    (req) => audit.list(ctx(req), req.query),
  );
  app.get(
    '/api/v1/audit-log/export',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The entries the filters match as CSV (UTF-8, newest first), streamed',
        querystring: s.export.querystring,
        response: { 200: s.export.response, ...protectedErrors },
      },
    },
    async (req, reply) => {
      const { filename, body } = audit.export(ctx(req), req.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
};

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
        summary: 'Every write: who, what, when, before and after; filter by actor, entity, action and date',
        querystring: s.list.querystring,
        response: { 200: s.list.response, ...protectedErrors },
      },
    },
    (req) => audit.list(ctx(req), req.query),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctx, protectedErrors, withNotFound } from '../../platform/http';
import { jobsSchemas as s } from './jobs.schemas';
import type { JobsService } from './jobs.service';

const tags = ['jobs'];

/** Failed background work for admins: the dead letters and the items waiting for a retry. */
export const jobsRoutes: FastifyPluginAsyncZod<{ jobs: JobsService }> = async (app, { jobs }) => {
  app.get(
    '/api/v1/job-failures',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Items background jobs could not process, newest first',
        querystring: s.list.querystring,
        response: { 200: s.list.response, ...protectedErrors },
      },
    },
    (req) => jobs.list(ctx(req), req.query),
  );
  app.post(
    '/api/v1/job-failures/:id/retry',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Try the item again on the job’s next run',
        params: s.retry.params,
        response: { 200: s.retry.response, ...withNotFound },
      },
    },
    (req) => jobs.retry(ctx(req), req.params.id),
  );
  app.delete(
    '/api/v1/job-failures/:id',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Discard the item: the job will not try it again',
        params: s.remove.params,
        response: { 204: z.null(), ...withNotFound },
      },
    },
    async (req, reply) => {
      await jobs.remove(ctx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
};

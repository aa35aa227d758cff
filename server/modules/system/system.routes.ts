import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { errorBody } from '../../../contracts/common';
import type { Db } from '../../db/database';
import { AppError } from '../../platform/errors';
import { renderMetrics } from '../../platform/metrics';

const health = z.object({ status: z.literal('ok') });
const tags = ['system'];

/** Liveness, readiness and Prometheus metrics. */
export const systemRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'The process is up', response: { 200: health } },
    },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'The database answers', response: { 200: health, 503: errorBody } },
    },
    async () => {
      try {
        await sql`select 1`.execute(db);
      } catch {
        throw new AppError('UNAVAILABLE', 'The database is not reachable');
      }
      return { status: 'ok' as const };
    },
  );

  app.get(
    '/metrics',
    { config: { access: 'public' }, schema: { tags, summary: 'Prometheus metrics', hide: true } },
    async (_req, reply) => reply.type('text/plain; version=0.0.4').send(renderMetrics()),
  );
};

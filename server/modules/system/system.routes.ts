import { BlockList, isIPv4 } from 'node:net';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { errorBody } from '../../../contracts/common';
import type { AddressRange } from '../../config';
import type { Db } from '../../db/database';
import { can } from '../../platform/auth/policies';
import { AppError } from '../../platform/errors';

const health = z.object({ status: z.literal('ok') });
const tags = ['system'];

/** Whether a request may read /metrics: an admin (session or token), or from an allowed address. */
function metricsReader(ranges: AddressRange[]) {
  const allowed = new BlockList();
  for (const r of ranges) allowed.addSubnet(r.address, r.prefix, r.family);
  return (req: FastifyRequest): boolean => {
    if (req.actor && can(req.actor, 'metrics.read')) return true;
    const mapped = /^::ffff:(.+)$/i.exec(req.ip)?.[1];
    const ip = mapped && isIPv4(mapped) ? mapped : req.ip;
    return allowed.check(ip, isIPv4(ip) ? 'ipv4' : 'ipv6');
  };
}

/** Liveness, readiness and Prometheus metrics. */
export const systemRoutes: FastifyPluginAsyncZod<{ db: Db; metricsAllow: AddressRange[] }> = async (
  app,
  { db, metricsAllow },
) => {
  const mayReadMetrics = metricsReader(metricsAllow);
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
    {
      // Signed-in admins and tokens are recognised; anyone else must come from METRICS_ALLOW.
      config: { access: 'public' },
      schema: { tags, summary: 'Prometheus metrics (admins, or addresses in METRICS_ALLOW)', hide: true },
      onRequest: async (req) => {
        if (!mayReadMetrics(req))
          throw new AppError('FORBIDDEN', 'Metrics are for admins and the addresses in METRICS_ALLOW');
      },
    },
    async (_req, reply) => {
      const { contentType, body } = await app.metrics.render();
      return reply.type(contentType).send(body);
    },
  );
};

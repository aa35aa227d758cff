import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workloadSchema } from '../../../contracts/workload';
import { ctx, protectedErrors } from '../../platform/http';
import type { WorkloadService } from './workload.service';

/** The home page's numbers: the team queues, the oldest ticket nobody has taken, the caller's own. */
export const workloadRoutes: FastifyPluginAsyncZod<{ workload: WorkloadService }> = async (
  app,
  { workload },
) => {
  app.get(
    '/api/v1/workload',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['views'],
        summary:
          "Open, unassigned and pending tickets per team (every team for managers and admins, an agent's own teams), the caller's own, and the oldest unassigned ticket",
        response: { 200: workloadSchema, ...protectedErrors },
      },
    },
    (req) => workload.overview(ctx(req)),
  );
};

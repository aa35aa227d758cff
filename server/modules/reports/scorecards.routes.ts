import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../../../contracts/common';
import { scorecardQuery, scorecardSchema } from '../../../contracts/scorecards';
import { ctx, withNotFound } from '../../platform/http';
import type { ScorecardsService } from './scorecards';

const tags = ['reports'];
const read = { access: 'scorecards.read' } as const;
const schema = (summary: string) => ({
  tags,
  summary,
  params: idParam,
  querystring: scorecardQuery,
  response: { 200: scorecardSchema, ...withNotFound },
});

export const scorecardsRoutes: FastifyPluginAsyncZod<{ scorecards: ScorecardsService }> = async (
  app,
  { scorecards },
) => {
  app.get(
    '/api/v1/scorecards/agents/:id',
    {
      config: read,
      schema: schema(
        "An agent's KPIs over a period beside their team's per-agent average and the previous period (the agent, their team's lead, managers)",
      ),
    },
    (req) => scorecards.agent(ctx(req), req.params.id, req.query),
  );

  app.get(
    '/api/v1/scorecards/teams/:id',
    {
      config: read,
      schema: schema(
        "A team's KPIs over a period beside the department's per-team average and the previous period (its lead, managers)",
      ),
    },
    (req) => scorecards.team(ctx(req), req.params.id, req.query),
  );
};

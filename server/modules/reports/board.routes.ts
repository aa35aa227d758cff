import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { boardSchema } from '../../../contracts/board';
import { ctx, protectedErrors } from '../../platform/http';
import type { BoardService } from './board.service';

/** The live operations board. */
export const boardRoutes: FastifyPluginAsyncZod<{ board: BoardService }> = async (app, { board }) => {
  app.get(
    '/api/v1/board',
    {
      config: { access: 'board.read' },
      schema: {
        tags: ['reports'],
        summary:
          'The live operations board: backlog by status and team, unassigned by age, service levels running out, agents with presence and load, today by hour, standing alerts (every team for managers and admins, the led teams for a team lead)',
        response: { 200: boardSchema, ...protectedErrors },
      },
    },
    (req) => board.board(ctx(req)),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchQuery, searchResult } from '../../../contracts/tickets';
import { ctx, protectedErrors } from '../../platform/http';
import type { SearchService } from './search.service';

export const searchRoutes: FastifyPluginAsyncZod<{ search: SearchService }> = async (app, { search }) => {
  app.get(
    '/api/v1/search',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['search'],
        summary: 'Full-text search over tickets, messages and customers',
        querystring: searchQuery,
        response: { 200: searchResult, ...protectedErrors },
      },
    },
    (req) => search.search(ctx(req), req.query.q, req.query.limit),
  );
};

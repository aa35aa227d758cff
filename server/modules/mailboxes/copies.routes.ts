import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctx, withNotFound } from '../../platform/http';
import type { CopiesService } from './copies.service';
import { mailboxesSchemas as s } from './mailboxes.schemas';

const tags = ['mail'];

/** The addresses in copy on a ticket's mail, and the suggestions waiting for an agent. */
export const copiesRoutes: FastifyPluginAsyncZod<{ copies: CopiesService }> = async (app, { copies }) => {
  app.get(
    '/api/v1/tickets/:id/copies',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: "The ticket's copies and the copies mail suggested",
        params: s.copies.get.params,
        response: { 200: s.copies.get.response, ...withNotFound },
      },
    },
    (req) => copies.get(ctx(req), req.params.id),
  );
  app.patch(
    '/api/v1/tickets/:id/copies',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Add copies (accepting suggestions), dismiss suggestions, remove copies',
        params: s.copies.update.params,
        body: s.copies.update.body,
        response: { 200: s.copies.update.response, ...withNotFound },
      },
    },
    (req) => copies.update(ctx(req), req.params.id, req.body),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../contracts/common';
import {
  logTimeBody,
  timeEntryList,
  timeEntryParams,
  timeEntrySchema,
} from '../../../contracts/time-entries';
import { ctx, withConflict, withNotFound } from '../../platform/http';
import type { TimeEntriesService } from './time-entries.service';

const tags = ['tickets'];

/** Time tracking on a ticket (handle time). */
export const timeEntriesRoutes: FastifyPluginAsyncZod<{ timeEntries: TimeEntriesService }> = async (
  app,
  { timeEntries },
) => {
  app.get(
    '/api/v1/tickets/:id/time-entries',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'The time staff logged on a ticket, newest first, with the total',
        params: idParam,
        response: { 200: timeEntryList, ...withNotFound },
      },
    },
    (req) => timeEntries.list(ctx(req), req.params.id),
  );
  app.post(
    '/api/v1/tickets/:id/time-entries',
    {
      config: { access: 'time.log' },
      schema: {
        tags,
        summary: 'Log time you spent on a ticket (people only: an API token cannot log time)',
        params: idParam,
        body: logTimeBody,
        response: { 201: timeEntrySchema, ...withConflict },
      },
    },
    async (req, reply) => reply.code(201).send(await timeEntries.log(ctx(req), req.params.id, req.body)),
  );
  app.delete(
    '/api/v1/tickets/:id/time-entries/:entryId',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Remove a time entry: your own, or anyone’s as a manager or admin',
        params: timeEntryParams,
        response: { 204: z.null(), ...withNotFound },
      },
    },
    async (req, reply) => {
      await timeEntries.remove(ctx(req), req.params.id, req.params.entryId);
      return reply.code(204).send(null);
    },
  );
};

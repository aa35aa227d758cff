import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctx, protectedErrors, withConflict, withNotFound } from '../../platform/http';
import { businessHoursSchemas as s } from './business-hours.schemas';
import type { BusinessHoursService } from './business-hours.service';

const tags = ['business hours'];
const read = { access: 'business-hours.read' } as const;
const manage = { access: 'business-hours.manage' } as const;

export const businessHoursRoutes: FastifyPluginAsyncZod<{ businessHours: BusinessHoursService }> = async (
  app,
  { businessHours },
) => {
  app.get(
    '/api/v1/business-hours',
    {
      config: read,
      schema: {
        tags,
        summary: 'Business-hours calendars, the default first',
        response: { 200: s.list.response, ...protectedErrors },
      },
    },
    (req) => businessHours.list(ctx(req)),
  );

  app.post(
    '/api/v1/business-hours',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a calendar (the first one is the default)',
        body: s.create.body,
        response: { 201: s.create.response, ...withConflict },
      },
    },
    async (req, reply) => reply.code(201).send(await businessHours.create(ctx(req), req.body)),
  );

  app.get(
    '/api/v1/business-hours/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Get a calendar',
        params: s.get.params,
        response: { 200: s.get.response, ...withNotFound },
      },
    },
    (req) => businessHours.get(ctx(req), req.params.id),
  );

  app.patch(
    '/api/v1/business-hours/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a calendar: name, zone, hours, holidays, or make it the default',
        params: s.update.params,
        body: s.update.body,
        response: { 200: s.update.response, ...withConflict },
      },
    },
    (req) => businessHours.update(ctx(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/business-hours/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a calendar other than the default',
        params: s.remove.params,
        response: { 204: z.null(), ...withConflict },
      },
    },
    async (req, reply) => {
      await businessHours.remove(ctx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/business-hours/:id/holidays/import',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Add the holidays in an iCalendar (.ics) file',
        params: s.importHolidays.params,
        body: s.importHolidays.body,
        response: { 200: s.importHolidays.response, ...withNotFound },
      },
    },
    (req) => businessHours.importHolidays(ctx(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/business-hours/:id/preview',
    {
      config: read,
      schema: {
        tags,
        summary: "The open hours and holidays of the days ahead, in the calendar's zone and in UTC",
        params: s.preview.params,
        querystring: s.preview.querystring,
        response: { 200: s.preview.response, ...withNotFound },
      },
    },
    (req) => businessHours.preview(ctx(req), req.params.id, req.query),
  );
};

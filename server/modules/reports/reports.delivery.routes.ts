import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sharedReportCsv } from '../../../contracts/api/report-delivery';
import { errorBody, idParam } from '../../../contracts/common';
import {
  createdReportShare,
  createReportScheduleBody,
  createReportShareBody,
  reportScheduleList,
  reportScheduleSchema,
  reportShareList,
  reportShareSchema,
  scheduleRunList,
  scheduleRunSchema,
  sharedReportSchema,
  shareTokenParam,
  updateReportScheduleBody,
} from '../../../contracts/report-delivery';
import { ctx, protectedErrors, withNotFound } from '../../platform/http';
import type { SchedulesService } from './reports.schedules';
import type { SharesService } from './reports.shares';

const tags = ['reports'];
const manage = { access: 'reports.manage' } as const;
const shares = '/api/v1/report-shares';
const schedules = '/api/v1/report-schedules';
const shared = '/api/v1/public/shared-reports/:token';

/** Share links (list, create, revoke) and the public read of a shared report. */
export const reportSharesRoutes: FastifyPluginAsyncZod<{
  shares: SharesService;
  publicPerMinute: number;
}> = async (app, { shares: service, publicPerMinute }) => {
  const limited = { max: publicPerMinute, timeWindow: '1 minute' };
  const publicErrors = { 400: errorBody, 404: errorBody, 410: errorBody, 429: errorBody };

  app.get(
    shares,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Share links of reports, newest first',
        response: { 200: reportShareList, ...protectedErrors },
      },
    },
    (req) => service.list(ctx(req)),
  );

  app.post(
    shares,
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Share a report read-only: a link with the filters frozen, expiring (30 days unless set, at most a year)',
        body: createReportShareBody,
        response: { 201: createdReportShare, ...protectedErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await service.create(ctx(req), req.body)),
  );

  app.delete(
    `${shares}/:id`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Revoke a share link: its page then says it was withdrawn',
        params: idParam,
        response: { 200: reportShareSchema, ...withNotFound },
      },
    },
    (req) => service.revoke(ctx(req), req.params.id),
  );

  app.get(
    shared,
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'A shared report (no sign-in); 404 for an unknown link, 410 for an expired or revoked one',
        params: shareTokenParam,
        response: { 200: sharedReportSchema, ...publicErrors },
      },
    },
    async (req, reply) => {
      reply.header('x-robots-tag', 'noindex').header('cache-control', 'private, no-store');
      return service.shared(req.params.token);
    },
  );

  app.get(
    `${shared}/export`,
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'A shared report as CSV (no sign-in)',
        params: shareTokenParam,
        response: { 200: sharedReportCsv, ...publicErrors },
      },
    },
    async (req, reply) => {
      const file = await service.sharedCsv(req.params.token);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('x-robots-tag', 'noindex')
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );
};

/** Scheduled reports: list, create, change, delete, their runs, and a test send now. */
export const reportSchedulesRoutes: FastifyPluginAsyncZod<{ schedules: SchedulesService }> = async (
  app,
  { schedules: service },
) => {
  app.get(
    schedules,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Scheduled reports with their next send and last run',
        response: { 200: reportScheduleList, ...protectedErrors },
      },
    },
    (req) => service.list(ctx(req)),
  );

  app.post(
    schedules,
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Schedule a report: daily, weekly on a weekday or monthly on a day, at an hour, to up to 20 recipients',
        body: createReportScheduleBody,
        response: { 201: reportScheduleSchema, ...protectedErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await service.create(ctx(req), req.body)),
  );

  app.patch(
    `${schedules}/:id`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a scheduled report (its next send is worked out again)',
        params: idParam,
        body: updateReportScheduleBody,
        response: { 200: reportScheduleSchema, ...withNotFound },
      },
    },
    (req) => service.update(ctx(req), req.params.id, req.body),
  );

  app.delete(
    `${schedules}/:id`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a scheduled report and its run history',
        params: idParam,
        response: { 204: z.null(), ...withNotFound },
      },
    },
    async (req, reply) => {
      await service.remove(ctx(req), req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${schedules}/:id/runs`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'A scheduled report’s sends, newest first (the last 50)',
        params: idParam,
        response: { 200: scheduleRunList, ...withNotFound },
      },
    },
    (req) => service.runs(ctx(req), req.params.id),
  );

  app.post(
    `${schedules}/:id/send`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Send the report now to its recipients, as a test (the scheduled sends are untouched)',
        params: idParam,
        response: { 200: scheduleRunSchema, ...withNotFound },
      },
    },
    (req) => service.sendNow(ctx(req), req.params.id),
  );
};

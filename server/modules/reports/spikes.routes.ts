import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../contracts/common';
import {
  spikeAlertListQuery,
  spikeAlertSchema,
  spikeSettingsBody,
  spikeSettingsSchema,
  trendQuery,
  trendSchema,
} from '../../../contracts/trends';
import { ctx, protectedErrors, withNotFound } from '../../platform/http';
import type { SpikesService } from './spikes.service';
import type { TrendsService } from './trends';

const tags = ['reports'];

/** Trend charts and spike alerts (managers and admins). */
export const spikesRoutes: FastifyPluginAsyncZod<{ trends: TrendsService; spikes: SpikesService }> = async (
  app,
  { trends, spikes },
) => {
  app.get(
    '/api/v1/trends',
    {
      config: { access: 'feedback.read' },
      schema: {
        tags,
        summary:
          'Contact volume or a satisfaction score (CSAT %, CES, NPS, negative answers) by day or week, split by category, tag, a product custom field or organisation: the top series and "Other"',
        querystring: trendQuery,
        response: { 200: trendSchema, ...protectedErrors },
      },
    },
    (req) => trends.trend(ctx(req), req.query),
  );

  app.get(
    '/api/v1/spike-alerts',
    {
      config: { access: 'feedback.read' },
      schema: {
        tags,
        summary:
          'Spike alerts: surges in a category’s incoming tickets or negative answers (unresolved by default)',
        querystring: spikeAlertListQuery,
        response: { 200: z.object({ data: z.array(spikeAlertSchema) }), ...protectedErrors },
      },
    },
    (req) => spikes.list(ctx(req), req.query.state),
  );

  app.post(
    '/api/v1/spike-alerts/:id/acknowledge',
    {
      config: { access: 'feedback.manage' },
      schema: {
        tags,
        summary: 'Acknowledges an open spike alert (it stays on the board until the spike is over)',
        params: idParam,
        response: { 200: spikeAlertSchema, ...withNotFound },
      },
    },
    (req) => spikes.acknowledge(ctx(req), req.params.id),
  );

  app.get(
    '/api/v1/spike-alerts/settings',
    {
      config: { access: 'feedback.read' },
      schema: {
        tags,
        summary: 'The spike detector’s threshold (robust z-score) and minimum count per hour',
        response: { 200: spikeSettingsSchema, ...protectedErrors },
      },
    },
    (req) => spikes.settings(ctx(req)),
  );

  app.put(
    '/api/v1/spike-alerts/settings',
    {
      config: { access: 'feedback.manage' },
      schema: {
        tags,
        summary: 'Changes the spike detector’s threshold and minimum count',
        body: spikeSettingsBody,
        response: { 200: spikeSettingsSchema, ...protectedErrors },
      },
    },
    (req) => spikes.updateSettings(ctx(req), req.body),
  );
};

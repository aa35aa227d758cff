import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  dataQualityFixBody,
  dataQualityFixResult,
  dataQualityOverviewSchema,
  dataQualityRunSchema,
  dataQualitySettingsSchema,
  updateDataQualitySettingsBody,
} from '../../../contracts/data-quality';
import { ctx, protectedErrors } from '../../platform/http';
import type { DataQualityService } from './data-quality.service';

const tags = ['data-quality'];

/** The data-quality monitor. */
export const dataQualityRoutes: FastifyPluginAsyncZod<{ dataQuality: DataQualityService }> = async (
  app,
  { dataQuality },
) => {
  app.get(
    '/api/v1/data-quality',
    {
      config: { access: 'data-quality.read' },
      schema: {
        tags,
        summary:
          'The latest run of the data-quality checks, the score over the last 90 days, and the settings',
        response: { 200: dataQualityOverviewSchema, ...protectedErrors },
      },
    },
    (req) => dataQuality.overview(ctx(req)),
  );

  app.post(
    '/api/v1/data-quality/runs',
    {
      config: { access: 'data-quality.manage' },
      schema: {
        tags,
        summary: 'Run the data-quality checks now and store the findings and score',
        response: { 200: dataQualityRunSchema, ...protectedErrors },
      },
    },
    (req) => dataQuality.run(ctx(req)),
  );

  app.put(
    '/api/v1/data-quality/settings',
    {
      config: { access: 'data-quality.manage' },
      schema: {
        tags,
        summary: 'Change after how many days without activity an open ticket counts as stale',
        body: updateDataQualitySettingsBody,
        response: { 200: dataQualitySettingsSchema, ...protectedErrors },
      },
    },
    (req) => dataQuality.updateSettings(ctx(req), req.body),
  );

  app.post(
    '/api/v1/data-quality/fixes',
    {
      config: { access: 'data-quality.manage' },
      schema: {
        tags,
        summary: 'Unassign tickets that are still assigned to deactivated agents (each audited)',
        body: dataQualityFixBody,
        response: { 200: dataQualityFixResult, ...protectedErrors },
      },
    },
    (req) => dataQuality.fix(ctx(req), req.body),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { testimonialsRoutes as table } from '../../../contracts/api/testimonials';
import { errorBody, idParam } from '../../../contracts/common';
import {
  publicTestimonialSchema,
  testimonialDecisionBody,
  testimonialList,
  testimonialSchema,
  testimonialSettingsSchema,
  testimonialsExportQuery,
  testimonialsQuery,
  testimonialTokenParam,
  updateTestimonialBody,
  updateTestimonialSettingsBody,
} from '../../../contracts/testimonials';
import { ctx, protectedErrors, withNotFound } from '../../platform/http';
import { type TestimonialsService, testimonialsCsv } from './feedback.testimonials';

const tags = ['feedback'];
const read = { access: 'testimonials.read' } as const;
const manage = { access: 'testimonials.manage' } as const;
const testimonials = '/api/v1/testimonials';

export const testimonialsRoutes: FastifyPluginAsyncZod<{
  testimonials: TestimonialsService;
  publicPerMinute: number;
}> = async (app, { testimonials: service, publicPerMinute }) => {
  const limited = { max: publicPerMinute, timeWindow: '1 minute' };
  const publicErrors = { 400: errorBody, 404: errorBody, 429: errorBody };

  app.get(
    testimonials,
    {
      config: read,
      schema: {
        tags,
        summary: 'Testimonial requests and the consent given, newest first (filter by state and source)',
        querystring: testimonialsQuery,
        response: { 200: testimonialList, ...protectedErrors },
      },
    },
    (req) => service.list(ctx(req), req.query),
  );

  app.get(
    `${testimonials}/export`,
    {
      config: read,
      schema: {
        tags,
        summary: 'The approved, published testimonials as CSV or JSON, worded and named exactly as agreed',
        querystring: testimonialsExportQuery,
        response: { 200: table.export.response, ...protectedErrors },
      },
    },
    async (req, reply) => {
      const items = await service.exportApproved(ctx(req));
      const json = req.query.format === 'json';
      return reply
        .header('content-type', json ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="testimonials.${json ? 'json' : 'csv'}"`)
        .header('cache-control', 'private, no-store')
        .send(json ? JSON.stringify(items) : testimonialsCsv(items));
    },
  );

  app.get(
    `${testimonials}/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: 'One testimonial',
        params: idParam,
        response: { 200: testimonialSchema, ...withNotFound },
      },
    },
    (req) => service.get(ctx(req), req.params.id),
  );

  app.patch(
    `${testimonials}/:id`,
    {
      config: manage,
      schema: {
        tags,
        summary:
          "Take a testimonial off the marketing list or put it back (the customer's words never change)",
        params: idParam,
        body: updateTestimonialBody,
        response: { 200: testimonialSchema, ...withNotFound },
      },
    },
    (req) => service.update(ctx(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/testimonial-settings',
    {
      config: read,
      schema: {
        tags,
        summary: 'The request mail wording, the consent wording, the frequency cap and link lifetime',
        response: { 200: testimonialSettingsSchema, ...protectedErrors },
      },
    },
    (req) => service.settings(ctx(req)),
  );

  app.patch(
    '/api/v1/testimonial-settings',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change the testimonial settings',
        body: updateTestimonialSettingsBody,
        response: { 200: testimonialSettingsSchema, ...protectedErrors },
      },
    },
    (req) => service.updateSettings(ctx(req), req.body),
  );

  app.get(
    '/api/v1/public/testimonials/:token',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary:
          'The quote and consent wording a request link opens (no sign-in); reading it records nothing',
        params: testimonialTokenParam,
        response: { 200: publicTestimonialSchema, ...publicErrors },
      },
    },
    (req) => service.view(req.params.token),
  );

  app.post(
    '/api/v1/public/testimonials/:token',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags,
        summary: 'Approve (choosing how you are named), decline, or withdraw an approval (no sign-in)',
        params: testimonialTokenParam,
        body: testimonialDecisionBody,
        response: { 200: publicTestimonialSchema, ...publicErrors, 409: errorBody, 410: errorBody },
      },
    },
    (req) => service.decide(req.params.token, req.body),
  );
};

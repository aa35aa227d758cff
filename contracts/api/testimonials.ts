import { idParam } from '../common';
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
} from '../testimonials';
import { rawFile, route } from './route';

const testimonials = '/api/v1/testimonials';

export const testimonialsRoutes = {
  list: route({
    method: 'GET',
    path: testimonials,
    querystring: testimonialsQuery,
    response: testimonialList,
  }),
  export: route({
    method: 'GET',
    path: `${testimonials}/export`,
    querystring: testimonialsExportQuery,
    response: rawFile('text/csv, or JSON: the approved, published testimonials'),
  }),
  get: route({ method: 'GET', path: `${testimonials}/:id`, params: idParam, response: testimonialSchema }),
  update: route({
    method: 'PATCH',
    path: `${testimonials}/:id`,
    params: idParam,
    body: updateTestimonialBody,
    response: testimonialSchema,
  }),
  settings: route({
    method: 'GET',
    path: '/api/v1/testimonial-settings',
    response: testimonialSettingsSchema,
  }),
  updateSettings: route({
    method: 'PATCH',
    path: '/api/v1/testimonial-settings',
    body: updateTestimonialSettingsBody,
    response: testimonialSettingsSchema,
  }),
  publicView: route({
    method: 'GET',
    path: '/api/v1/public/testimonials/:token',
    params: testimonialTokenParam,
    response: publicTestimonialSchema,
  }),
  publicDecide: route({
    method: 'POST',
    path: '/api/v1/public/testimonials/:token',
    params: testimonialTokenParam,
    body: testimonialDecisionBody,
    response: publicTestimonialSchema,
  }),
};

import { z } from 'zod';
import { sessionInfo } from '../auth';
import { idParam } from '../common';
import {
  contactFormBody,
  contactFormResult,
  magicLinkBody,
  magicLinkRedeemBody,
  mailPreferencesSchema,
  portalNewRequestBody,
  portalReplyBody,
  portalTicketDetail,
  portalTicketSchema,
} from '../portal';
import { attachmentSchema } from '../tickets';
import { route } from './route';

export const accepted = z.object({ accepted: z.literal(true) });
export const portalTicketList = z.object({ data: z.array(portalTicketSchema) });

/** The customer portal: sign-in links, and a customer's own requests. */
export const portalRoutes = {
  requestLink: route({
    method: 'POST',
    path: '/api/v1/portal/magic-links',
    body: magicLinkBody,
    response: accepted,
  }),
  redeemLink: route({
    method: 'POST',
    path: '/api/v1/portal/sessions',
    body: magicLinkRedeemBody,
    response: sessionInfo,
  }),
  list: route({ method: 'GET', path: '/api/v1/portal/tickets', response: portalTicketList }),
  create: route({
    method: 'POST',
    path: '/api/v1/portal/tickets',
    body: portalNewRequestBody,
    response: portalTicketDetail,
  }),
  get: route({
    method: 'GET',
    path: '/api/v1/portal/tickets/:id',
    params: idParam,
    response: portalTicketDetail,
  }),
  reply: route({
    method: 'POST',
    path: '/api/v1/portal/tickets/:id/messages',
    params: idParam,
    body: portalReplyBody,
    response: portalTicketDetail,
  }),
  /** What the customer wants mailed about their requests. */
  preferences: route({ method: 'GET', path: '/api/v1/portal/preferences', response: mailPreferencesSchema }),
  setPreferences: route({
    method: 'PUT',
    path: '/api/v1/portal/preferences',
    body: mailPreferencesSchema,
    response: mailPreferencesSchema,
  }),
  attachToNew: route({
    method: 'POST',
    path: '/api/v1/portal/attachments',
    file: 'file',
    response: attachmentSchema,
  }),
  attach: route({
    method: 'POST',
    path: '/api/v1/portal/tickets/:id/attachments',
    params: idParam,
    file: 'file',
    response: attachmentSchema,
  }),
};

/** The public contact form: no sign-in. */
export const publicRoutes = {
  contact: route({
    method: 'POST',
    path: '/api/v1/public/contact',
    body: contactFormBody,
    response: contactFormResult,
  }),
};

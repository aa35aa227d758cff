import { z } from 'zod';
import { idParam, page } from '../common';
import { ticketCopiesSchema, updateTicketCopiesBody } from '../mail';
import {
  attachmentSchema,
  bulkResult,
  bulkUpdateBody,
  contactBody,
  createMessageBody,
  createTicketBody,
  createViewBody,
  escalateBody,
  listTicketsQuery,
  mergeTicketsBody,
  messagePreviewSchema,
  messageSchema,
  previewMessageBody,
  searchQuery,
  searchResult,
  ticketEventSchema,
  ticketReplyingSchema,
  ticketSchema,
  updateTicketBody,
  updateViewBody,
  viewSchema,
} from '../tickets';
import { logTimeBody, timeEntryList, timeEntryParams, timeEntrySchema } from '../time-entries';
import { noContent, rawFile, route } from './route';

/** A ticket in a list: with the matching words marked when the list was searched. */
export const ticketListItem = ticketSchema.extend({ snippet: z.string().optional() });
export type TicketListItem = z.infer<typeof ticketListItem>;
export const ticketsPage = page(ticketListItem);
export const messageList = z.object({ data: z.array(messageSchema) });
export const ticketEventList = z.object({ data: z.array(ticketEventSchema) });
export const contactResult = z.object({ ticket: ticketSchema, message: messageSchema, created: z.boolean() });
export const viewList = z.object({ data: z.array(viewSchema) });
const messageParams = z
  .object({ id: z.coerce.number().int().positive(), messageId: z.coerce.number().int().positive() })
  .strict();

export const ticketsRoutes = {
  list: route({
    method: 'GET',
    path: '/api/v1/tickets',
    querystring: listTicketsQuery,
    response: ticketsPage,
  }),
  create: route({ method: 'POST', path: '/api/v1/tickets', body: createTicketBody, response: ticketSchema }),
  bulkUpdate: route({ method: 'PATCH', path: '/api/v1/tickets', body: bulkUpdateBody, response: bulkResult }),
  get: route({ method: 'GET', path: '/api/v1/tickets/:id', params: idParam, response: ticketSchema }),
  update: route({
    method: 'PATCH',
    path: '/api/v1/tickets/:id',
    params: idParam,
    body: updateTicketBody,
    response: ticketSchema,
  }),
  escalate: route({
    method: 'PUT',
    path: '/api/v1/tickets/:id/escalation',
    params: idParam,
    body: escalateBody,
    response: ticketSchema,
  }),
  deescalate: route({
    method: 'DELETE',
    path: '/api/v1/tickets/:id/escalation',
    params: idParam,
    response: ticketSchema,
  }),
  merge: route({
    method: 'POST',
    path: '/api/v1/tickets/:id/merges',
    params: idParam,
    body: mergeTicketsBody,
    response: ticketSchema,
  }),
  messages: route({
    method: 'GET',
    path: '/api/v1/tickets/:id/messages',
    params: idParam,
    response: messageList,
  }),
  addMessage: route({
    method: 'POST',
    path: '/api/v1/tickets/:id/messages',
    params: idParam,
    body: createMessageBody,
    response: messageSchema,
  }),
  previewMessage: route({
    method: 'POST',
    path: '/api/v1/tickets/:id/messages/preview',
    params: idParam,
    body: previewMessageBody,
    response: messagePreviewSchema,
  }),
  replying: route({
    method: 'GET',
    path: '/api/v1/tickets/:id/replying',
    params: idParam,
    response: ticketReplyingSchema,
  }),
  startReplying: route({
    method: 'PUT',
    path: '/api/v1/tickets/:id/replying',
    params: idParam,
    response: ticketReplyingSchema,
  }),
  stopReplying: route({
    method: 'DELETE',
    path: '/api/v1/tickets/:id/replying',
    params: idParam,
    response: noContent,
  }),
  events: route({
    method: 'GET',
    path: '/api/v1/tickets/:id/events',
    params: idParam,
    response: ticketEventList,
  }),
  timeEntries: route({
    method: 'GET',
    path: '/api/v1/tickets/:id/time-entries',
    params: idParam,
    response: timeEntryList,
  }),
  logTime: route({
    method: 'POST',
    path: '/api/v1/tickets/:id/time-entries',
    params: idParam,
    body: logTimeBody,
    response: timeEntrySchema,
  }),
  removeTimeEntry: route({
    method: 'DELETE',
    path: '/api/v1/tickets/:id/time-entries/:entryId',
    params: timeEntryParams,
    response: noContent,
  }),
  /** A call or visit logged in one step: the customer's ticket found or opened, the message added. */
  contact: route({ method: 'POST', path: '/api/v1/contacts', body: contactBody, response: contactResult }),
  attach: route({
    method: 'POST',
    path: '/api/v1/tickets/:id/attachments',
    params: idParam,
    file: 'file',
    response: attachmentSchema,
  }),
  copies: route({
    method: 'GET',
    path: '/api/v1/tickets/:id/copies',
    params: idParam,
    response: ticketCopiesSchema,
  }),
  updateCopies: route({
    method: 'PATCH',
    path: '/api/v1/tickets/:id/copies',
    params: idParam,
    body: updateTicketCopiesBody,
    response: ticketCopiesSchema,
  }),
  messageOriginal: route({
    method: 'GET',
    path: '/api/v1/tickets/:id/messages/:messageId/original',
    params: messageParams,
    response: rawFile('message/rfc822'),
  }),
  search: route({ method: 'GET', path: '/api/v1/search', querystring: searchQuery, response: searchResult }),
  attachment: route({
    method: 'GET',
    path: '/api/v1/attachments/:id',
    params: idParam,
    response: rawFile('The file'),
  }),
};

export const viewsRoutes = {
  list: route({ method: 'GET', path: '/api/v1/views', response: viewList }),
  create: route({ method: 'POST', path: '/api/v1/views', body: createViewBody, response: viewSchema }),
  update: route({
    method: 'PATCH',
    path: '/api/v1/views/:id',
    params: idParam,
    body: updateViewBody,
    response: viewSchema,
  }),
  remove: route({ method: 'DELETE', path: '/api/v1/views/:id', params: idParam, response: noContent }),
};

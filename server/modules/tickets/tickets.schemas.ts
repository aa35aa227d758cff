import { z } from 'zod';
import { idParam, page } from '../../../contracts/common';
import {
  bulkResult,
  bulkUpdateBody,
  contactBody,
  createMessageBody,
  createTicketBody,
  createViewBody,
  escalateBody,
  listTicketsQuery,
  mergeTicketsBody,
  messageSchema,
  ticketEventSchema,
  ticketSchema,
  updateTicketBody,
  updateViewBody,
  viewSchema,
} from '../../../contracts/tickets';

export const ticketListItem = ticketSchema.extend({ snippet: z.string().optional() });

export const ticketsSchemas = {
  list: { querystring: listTicketsQuery, response: page(ticketListItem) },
  create: { body: createTicketBody, response: ticketSchema },
  get: { params: idParam, response: ticketSchema },
  update: { params: idParam, body: updateTicketBody, response: ticketSchema },
  bulk: { body: bulkUpdateBody, response: bulkResult },
  merge: { params: idParam, body: mergeTicketsBody, response: ticketSchema },
  escalate: { params: idParam, body: escalateBody, response: ticketSchema },
  deescalate: { params: idParam, response: ticketSchema },
  messages: { params: idParam, response: z.object({ data: z.array(messageSchema) }) },
  addMessage: { params: idParam, body: createMessageBody, response: messageSchema },
  events: { params: idParam, response: z.object({ data: z.array(ticketEventSchema) }) },
  contact: {
    body: contactBody,
    response: z.object({ ticket: ticketSchema, message: messageSchema, created: z.boolean() }),
  },
};

export const viewsSchemas = {
  list: { response: z.object({ data: z.array(viewSchema) }) },
  create: { body: createViewBody, response: viewSchema },
  update: { params: idParam, body: updateViewBody, response: viewSchema },
  remove: { params: idParam },
};

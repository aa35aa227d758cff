import { z } from 'zod';
import { idParam } from '../../../contracts/common';
import {
  bulkResult,
  bulkUpdateBody,
  contactBody,
  createMessageBody,
  createTicketBody,
  escalateBody,
  mergeTicketsBody,
  messagePreviewSchema,
  messageSchema,
  previewMessageBody,
  ticketEventSchema,
  ticketReplyingSchema,
  ticketSchema,
  updateTicketBody,
} from '../../../contracts/tickets';

export const ticketsSchemas = {
  create: { body: createTicketBody, response: ticketSchema },
  get: { params: idParam, response: ticketSchema },
  update: { params: idParam, body: updateTicketBody, response: ticketSchema },
  bulk: { body: bulkUpdateBody, response: bulkResult },
  merge: { params: idParam, body: mergeTicketsBody, response: ticketSchema },
  escalate: { params: idParam, body: escalateBody, response: ticketSchema },
  deescalate: { params: idParam, response: ticketSchema },
  messages: { params: idParam, response: z.object({ data: z.array(messageSchema) }) },
  addMessage: { params: idParam, body: createMessageBody, response: messageSchema },
  previewMessage: { params: idParam, body: previewMessageBody, response: messagePreviewSchema },
  replying: { params: idParam, response: ticketReplyingSchema },
  events: { params: idParam, response: z.object({ data: z.array(ticketEventSchema) }) },
  contact: {
    body: contactBody,
    response: z.object({ ticket: ticketSchema, message: messageSchema, created: z.boolean() }),
  },
};

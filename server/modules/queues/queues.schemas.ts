import { z } from 'zod';
import { idParam, page } from '../../../contracts/common';
import {
  createViewBody,
  listTicketsQuery,
  ticketSchema,
  updateViewBody,
  viewSchema,
} from '../../../contracts/tickets';

export const ticketListItem = ticketSchema.extend({ snippet: z.string().optional() });

export const queuesSchemas = {
  tickets: { querystring: listTicketsQuery, response: page(ticketListItem) },
  views: {
    list: { response: z.object({ data: z.array(viewSchema) }) },
    create: { body: createViewBody, response: viewSchema },
    update: { params: idParam, body: updateViewBody, response: viewSchema },
    remove: { params: idParam },
  },
};

import { z } from 'zod';
import { idParam } from '../../../contracts/common';
import { inboundMailSchema, inboundStatuses, listInboundQuery } from '../../../contracts/mail';

const messageParams = z
  .object({ id: z.coerce.number().int().positive(), messageId: z.coerce.number().int().positive() })
  .strict();

export const mailIntakeSchemas = {
  inbound: {
    list: {
      querystring: listInboundQuery,
      response: z.object({
        data: z.array(inboundMailSchema),
        nextCursor: z.string().nullable(),
        counts: z.record(z.enum(inboundStatuses), z.number()).describe('Received mail per status'),
      }),
    },
    get: { params: idParam, response: inboundMailSchema },
    retry: { params: idParam, response: inboundMailSchema },
    remove: { params: idParam },
    original: { params: idParam },
    messageOriginal: { params: messageParams },
  },
};

import { z } from 'zod';

export const ticketSettingsSchema = z.object({
  autoCloseDays: z
    .number()
    .int()
    .min(1)
    .max(90)
    .describe('Solved tickets close on their own after this many days'),
});
export type TicketSettings = z.infer<typeof ticketSettingsSchema>;
export const updateTicketSettingsBody = ticketSettingsSchema.partial().strict();

import { z } from 'zod';

export const ticketSettingsSchema = z.object({
  autoCloseDays: z
    .number()
    .int()
    .min(1)
    .max(90)
    .describe('Solved tickets close on their own after this many days'),
  assignOnReply: z
    .boolean()
    .describe('An unassigned ticket is assigned to the agent who first replies to the customer'),
});
export type TicketSettings = z.infer<typeof ticketSettingsSchema>;
export const updateTicketSettingsBody = ticketSettingsSchema.partial().strict();

const newRequestsGo = z
  .object({
    teamId: z
      .number()
      .int()
      .positive()
      .nullable()
      .describe("The team whose queue they reach; null: no team's"),
    categoryId: z.number().int().positive().nullable().describe('Their category until someone changes it'),
  })
  .strict();
/** Where new requests from the contact form and the portal go (mail goes by its mailbox's defaults). */
export const channelSettingsSchema = z.object({
  contactForm: newRequestsGo.describe('Requests sent with the public contact form'),
  portal: newRequestsGo.describe('Requests customers open in the portal'),
});
export type ChannelSettings = z.infer<typeof channelSettingsSchema>;
export const updateChannelSettingsBody = z
  .object({ contactForm: newRequestsGo.partial().optional(), portal: newRequestsGo.partial().optional() })
  .strict();

import { z } from 'zod';
import { isoTimestamp, pageQuery } from './common';

/** `retrying`: waiting for its next attempt; `dead`: out of attempts, waiting for an admin. */
export const jobFailureStatuses = ['retrying', 'dead'] as const;

export const jobFailureSchema = z
  .object({
    id: z.number(),
    job: z.string().describe('mail-notifications, mail, imap or auto-close'),
    item: z.string().describe('The item within the job: a ticket event, outbox, mailbox or ticket id'),
    label: z.string(),
    status: z.enum(jobFailureStatuses),
    attempts: z.number(),
    lastError: z.string(),
    nextAttemptAt: isoTimestamp.nullable().describe('null for dead letters'),
    firstFailedAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .describe('An item a background job could not process');
export type JobFailure = z.infer<typeof jobFailureSchema>;

export const listJobFailuresQuery = pageQuery
  .extend({ status: z.enum(jobFailureStatuses).optional() })
  .strict();
export type ListJobFailuresQuery = z.input<typeof listJobFailuresQuery>;

export const jobFailuresPage = z.object({
  data: z.array(jobFailureSchema),
  nextCursor: z.string().nullable(),
  counts: z.object({ retrying: z.number(), dead: z.number() }),
});
export type JobFailuresPage = z.infer<typeof jobFailuresPage>;

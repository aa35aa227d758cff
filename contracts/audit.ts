import { z } from 'zod';
import { isoTimestamp, pageQuery } from './common';
import { plainText } from './text';

export const auditEntrySchema = z.object({
  id: z.number(),
  actor: z.object({ type: z.enum(['user', 'token', 'system']), id: z.number().nullable(), name: z.string() }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  ip: z.string().nullable(),
  createdAt: isoTimestamp,
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const listAuditQuery = pageQuery
  .extend({
    actorType: z.enum(['user', 'token', 'system']).optional(),
    actorId: z.coerce.number().int().positive().optional(),
    entityType: plainText(64).optional(),
    entityId: plainText(64).optional(),
    action: plainText(64).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type ListAuditQuery = z.input<typeof listAuditQuery>;

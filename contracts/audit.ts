import { z } from 'zod';
import { auditActionNames } from './audit-actions';
import { auditEntityTypes } from './audit-wording';
import { isoTimestamp, pageQuery } from './common';
import { plainText } from './text';

export { type AuditAction, auditActionNames, auditActions, describeAudit } from './audit-actions';
export {
  type AuditEntityType,
  auditEntityLabels,
  auditEntityTypes,
  type Segment,
  sentenceText,
} from './audit-wording';

const entityType = z.enum(auditEntityTypes);

export const auditSegmentSchema = z.object({
  text: z.string(),
  entity: z
    .object({ type: entityType, id: z.string() })
    .optional()
    .describe('What these words name, to link to; absent for plain words and things since deleted'),
});

export const auditEntrySchema = z.object({
  id: z.number(),
  actor: z.object({ type: z.enum(['user', 'token', 'system']), id: z.number().nullable(), name: z.string() }),
  action: z.string(),
  summary: z
    .array(auditSegmentSchema)
    .describe(
      'The entry as a sentence, after the actor\'s name: "changed priority from normal to high on ticket #12 …"',
    ),
  entityType: z.string(),
  entityId: z.string().nullable(),
  entityName: z.string().describe('The name of what changed, as it is now or as the log last recorded it'),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  ip: z.string().nullable(),
  createdAt: isoTimestamp,
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** What narrows the audit log, for the list and for the export alike. */
export const auditFilterQuery = z.object({
  actorType: z.enum(['user', 'token', 'system']).optional(),
  actorId: z.coerce.number().int().positive().optional(),
  entityType: entityType.optional(),
  entityId: plainText(64).optional(),
  action: z.enum(auditActionNames).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const listAuditQuery = pageQuery.extend(auditFilterQuery.shape).strict();
export type ListAuditQuery = z.input<typeof listAuditQuery>;

export const exportAuditQuery = auditFilterQuery.strict();
export type ExportAuditQuery = z.output<typeof exportAuditQuery>;

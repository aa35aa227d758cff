import type { AuditAction } from '../../../contracts/audit-actions';
import type { Changes } from '../../../contracts/audit-wording';
import type { DbOrTrx } from '../../db/database';
import { prepared } from '../../db/prepared';
import type { RequestContext } from '../auth/actor';
import { nowIso } from '../clock';

export type { Changes };

/** Fields whose values never enter the audit log; a change to them reads as "changed". */
const SECRET_FIELDS = new Set([
  'password',
  'passwordHash',
  'password_hash',
  'totpSecret',
  'totp_secret',
  'secret',
]);
const REDACTED = '[redacted]';

/** Missing and null are the same thing to a reader of the log. */
function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields that differ between two snapshots, secrets redacted. */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Changes {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Changes = {};
  for (const key of keys) {
    const b = before ? before[key] : undefined;
    const a = after ? after[key] : undefined;
    if (sameValue(a, b)) continue;
    changes[key] = SECRET_FIELDS.has(key)
      ? {
          before: b === undefined || b === null ? null : REDACTED,
          after: a === undefined || a === null ? null : REDACTED,
        }
      : { before: b ?? null, after: a ?? null };
  }
  return changes;
}

export interface AuditEvent {
  /** One of the table in contracts/audit-actions.ts, which says how the entry reads. */
  action: AuditAction;
  entityType: string;
  entityId: string | number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  changes?: Changes;
}

/** Every write records one entry: the statement is built once (see server/db/prepared.ts). */
const insertEntry = prepared(
  (
    db,
    p: {
      actor_type: 'user' | 'token' | 'system';
      actor_id: number | null;
      actor_name: string;
      action: string;
      entity_type: string;
      entity_id: string | null;
      changes: string;
      ip: string | null;
      created_at: string;
    },
  ) =>
    db.insertInto('audit_log').values({
      actor_type: p.actor_type,
      actor_id: p.actor_id,
      actor_name: p.actor_name,
      action: p.action,
      entity_type: p.entity_type,
      entity_id: p.entity_id,
      changes: p.changes,
      ip: p.ip,
      created_at: p.created_at,
    }),
);

/** Records one write in the same transaction as the write itself. */
export async function recordAudit(db: DbOrTrx, ctx: RequestContext, event: AuditEvent): Promise<void> {
  const changes = event.changes ?? diff(event.before ?? null, event.after ?? null);
  const actor = ctx.actor;
  const actorType = actor.type === 'user' && actor.id === 0 ? 'system' : actor.type;
  await insertEntry.rows(db, {
    actor_type: actorType,
    actor_id: actorType === 'system' ? null : actor.id,
    actor_name: actor.name,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId === null ? null : String(event.entityId),
    changes: JSON.stringify(changes),
    ip: ctx.ip,
    created_at: nowIso(),
  });
}

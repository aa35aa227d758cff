import type { z } from 'zod';
import type { AuditEntry, listAuditQuery } from '../../../contracts/audit';
import type { AuditRow } from '../../db/schema';
import type { Changes } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import type { AppDeps } from '../../platform/deps';
import { parseObject } from '../../platform/json';
import { cursorId, toPage } from '../../platform/pagination';
import { auditRepository as repo } from './audit.repository';

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    changes: parseObject(row.changes) as Changes,
    ip: row.ip,
    createdAt: row.created_at,
  };
}

export function auditService({ db }: AppDeps) {
  return {
    async list(ctx: RequestContext, query: z.output<typeof listAuditQuery>) {
      authorize(ctx.actor, 'audit.read');
      const rows = await repo.list(db, query, cursorId(query.cursor));
      return toPage(rows, query.limit, toEntry, (row) => [row.id]);
    },
  };
}

export type AuditService = ReturnType<typeof auditService>;

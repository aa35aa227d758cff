import { Readable } from 'node:stream';
import type { z } from 'zod';
import {
  type AuditEntry,
  describeAudit,
  type ExportAuditQuery,
  type listAuditQuery,
} from '../../../contracts/audit';
import type { Changes, EntityRef } from '../../../contracts/audit-wording';
import type { DbOrTrx } from '../../db/database';
import type { AuditRow } from '../../db/schema';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { parseObject } from '../../platform/json';
import { cursorId, toPage } from '../../platform/pagination';
import { AUDIT_CSV_HEADER, auditCsvLine, csvLine } from './audit.csv';
import { nameEntities } from './audit.names';
import { auditRepository as repo } from './audit.repository';

/** Entries read per query while an export streams. */
const EXPORT_BATCH = 500;

function toEntry(row: AuditRow, entity: EntityRef): AuditEntry {
  const changes = parseObject(row.changes) as Changes;
  return {
    id: row.id,
    actor: { type: row.actor_type, id: row.actor_id, name: row.actor_name },
    action: row.action,
    summary: describeAudit(row.action, { changes, entity }),
    entityType: row.entity_type,
    entityId: row.entity_id,
    entityName: entity.name,
    changes,
    ip: row.ip,
    createdAt: row.created_at,
  };
}

/** Rows as entries, the things they are about named in one query per kind. */
async function toEntries(db: DbOrTrx, rows: AuditRow[]): Promise<AuditEntry[]> {
  const nameOf = await nameEntities(db, rows);
  return rows.map((row) => toEntry(row, nameOf(row)));
}

export function auditService({ db }: AppDeps) {
  /** The CSV, a batch of entries at a time, newest first: never the whole log in memory. */
  async function* csv(filter: ExportAuditQuery): AsyncGenerator<string> {
    yield `\uFEFF${csvLine(AUDIT_CSV_HEADER)}`;
    let afterId: number | null = null;
    for (;;) {
      const rows = await repo.list(db, filter, afterId, EXPORT_BATCH);
      const batch = rows.slice(0, EXPORT_BATCH);
      if (batch.length) yield (await toEntries(db, batch)).map(auditCsvLine).join('');
      if (rows.length <= EXPORT_BATCH) return;
      afterId = batch[batch.length - 1]!.id;
    }
  }

  return {
    async list(ctx: RequestContext, query: z.output<typeof listAuditQuery>) {
      authorize(ctx.actor, 'audit.read');
      const rows = await repo.list(db, query, cursorId(query.cursor), query.limit);
      const page = toPage(
        rows,
        query.limit,
        (row) => row,
        (row) => [row.id],
      );
      return { data: await toEntries(db, page.data), nextCursor: page.nextCursor };
    },

    /** The entries the filters match as CSV, streamed, with a file name for the download. */
    export(ctx: RequestContext, filter: ExportAuditQuery): { filename: string; body: Readable } {
      authorize(ctx.actor, 'audit.read');
      return { filename: `audit-log-${nowIso().slice(0, 10)}.csv`, body: Readable.from(csv(filter)) };
    },
  };
}

export type AuditService = ReturnType<typeof auditService>;

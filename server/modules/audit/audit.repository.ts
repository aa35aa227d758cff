import type { z } from 'zod';
import type { auditFilterQuery } from '../../../contracts/audit';
import type { DbOrTrx } from '../../db/database';
import type { AuditRow } from '../../db/schema';

type Filter = z.output<typeof auditFilterQuery>;

/** How many of an entity's entries are read to find the name it last had. */
const HISTORY_LIMIT = 1000;

export const auditRepository = {
  /** Newest first; `afterId` is the cursor (ids grow with time). Fetches limit+1 rows. */
  list(db: DbOrTrx, filter: Filter, afterId: number | null, limit: number): Promise<AuditRow[]> {
    let query = db.selectFrom('audit_log').selectAll();
    if (filter.actorType) query = query.where('actor_type', '=', filter.actorType);
    if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
    if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
    if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.from) query = query.where('created_at', '>=', new Date(filter.from).toISOString());
    if (filter.to) query = query.where('created_at', '<=', new Date(filter.to).toISOString());
    if (afterId !== null) query = query.where('id', '<', afterId);
    return query
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
  },

  /** The entries about these things, newest first: what they were called, and whether they were deleted. */
  historyOf(
    db: DbOrTrx,
    entityType: string,
    entityIds: string[],
  ): Promise<{ entity_id: string; action: string; changes: string }[]> {
    if (entityIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('audit_log')
      .select(['entity_id', 'action', 'changes'])
      .where('entity_type', '=', entityType)
      .where('entity_id', 'in', entityIds)
      .orderBy('id', 'desc')
      .limit(HISTORY_LIMIT)
      .$narrowType<{ entity_id: string }>()
      .execute();
  },
};

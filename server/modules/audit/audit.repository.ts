import type { z } from 'zod';
import type { listAuditQuery } from '../../../contracts/audit';
import type { DbOrTrx } from '../../db/database';
import type { AuditRow } from '../../db/schema';

type Filter = z.output<typeof listAuditQuery>;

export const auditRepository = {
  /** Newest first; `afterId` is the cursor (ids grow with time). Fetches limit+1 rows. */
  list(db: DbOrTrx, filter: Filter, afterId: number | null): Promise<AuditRow[]> {
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
      .limit(filter.limit + 1)
      .execute();
  },
};

import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { ContractsTable } from '../../db/schema';
import { parseObject } from '../../platform/json';

export type ContractRow = Selectable<ContractsTable> & {
  organization_name: string;
  policy_name: string | null;
  owner_name: string | null;
};

export type ContractValues = Omit<ContractsTable, 'id' | 'created_at' | 'updated_at' | 'reminded_at'>;

const contracts = (db: DbOrTrx) =>
  db
    .selectFrom('contracts')
    .innerJoin('organizations as org', 'org.id', 'contracts.organization_id')
    .leftJoin('sla_policies as policy', 'policy.id', 'contracts.sla_policy_id')
    .leftJoin('users as owner', 'owner.id', 'contracts.owner_id')
    .selectAll('contracts')
    .select(['org.name as organization_name', 'policy.name as policy_name', 'owner.name as owner_name']);

export interface ContractFilter {
  organizationId?: number;
  /** Contracts running on this date (YYYY-MM-DD): started and not ended. */
  activeOn?: string;
  endedBefore?: string;
  startsAfter?: string;
}

export const contractsRepository = {
  list(db: DbOrTrx, filter: ContractFilter): Promise<ContractRow[]> {
    let q = contracts(db);
    if (filter.organizationId) q = q.where('contracts.organization_id', '=', filter.organizationId);
    if (filter.activeOn)
      q = q
        .where('contracts.starts_on', '<=', filter.activeOn)
        .where('contracts.ends_on', '>=', filter.activeOn);
    if (filter.endedBefore) q = q.where('contracts.ends_on', '<', filter.endedBefore);
    if (filter.startsAfter) q = q.where('contracts.starts_on', '>', filter.startsAfter);
    return q.orderBy('contracts.ends_on').orderBy('contracts.id').limit(1000).execute();
  },

  findById(db: DbOrTrx, id: number): Promise<ContractRow | undefined> {
    return contracts(db).where('contracts.id', '=', id).executeTakeFirst();
  },

  /** The contract an organisation has on a date: the running one that started last, else none. */
  activeOf(db: DbOrTrx, organizationId: number, on: string) {
    return db
      .selectFrom('contracts')
      .select(['id', 'plan', 'sla_policy_id'])
      .where('organization_id', '=', organizationId)
      .where('starts_on', '<=', on)
      .where('ends_on', '>=', on)
      .orderBy('starts_on', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
  },

  /** The contract that speaks for an organisation on a date: the last one started by then (running or ended). */
  async currentOf(db: DbOrTrx, organizationId: number, on: string): Promise<ContractRow | undefined> {
    return contracts(db)
      .where('contracts.organization_id', '=', organizationId)
      .where('contracts.starts_on', '<=', on)
      .orderBy('contracts.starts_on', 'desc')
      .orderBy('contracts.id', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  async insert(db: DbOrTrx, values: ContractValues, now: string): Promise<number> {
    const row = await db
      .insertInto('contracts')
      .values({ ...values, reminded_at: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(
    db: DbOrTrx,
    id: number,
    values: Partial<ContractValues> & { reminded_at?: string | null },
    now: string,
  ): Promise<void> {
    await db
      .updateTable('contracts')
      .set({ ...values, updated_at: now })
      .where('id', '=', id)
      .execute();
  },

  async remove(db: DbOrTrx, id: number): Promise<void> {
    await db.deleteFrom('contracts').where('id', '=', id).execute();
  },

  /** Contracts whose review date has come and whose reminder has not gone out. */
  dueForReminder(db: DbOrTrx, today: string) {
    return contracts(db)
      .where('contracts.reminded_at', 'is', null)
      .where('contracts.ends_on', '>=', today)
      .orderBy('contracts.ends_on')
      .limit(500)
      .execute();
  },

  /** Marks the reminder sent, if no one did meanwhile: true for the one that did. */
  async claimReminder(db: DbOrTrx, id: number, now: string): Promise<boolean> {
    const result = await db
      .updateTable('contracts')
      .set({ reminded_at: now })
      .where('id', '=', id)
      .where('reminded_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async ticketsSince(db: DbOrTrx, organizationId: number, since: string): Promise<number> {
    const row = await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', organizationId)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Minutes of calls and visits logged since a moment on the organisation's tickets. */
  async loggedMinutesSince(db: DbOrTrx, organizationId: number, since: string): Promise<number> {
    const rows = await db
      .selectFrom('messages')
      .innerJoin('tickets', 'tickets.id', 'messages.ticket_id')
      .select('messages.meta')
      .where('tickets.organization_id', '=', organizationId)
      .where('messages.kind', 'in', ['call', 'visit'])
      .where('messages.created_at', '>=', since)
      .limit(10_000)
      .execute();
    let minutes = 0;
    for (const row of rows) {
      const duration = parseObject(row.meta).durationMinutes;
      if (typeof duration === 'number' && Number.isFinite(duration)) minutes += duration;
    }
    return minutes;
  },

  async policyExists(db: DbOrTrx, id: number): Promise<boolean> {
    return (
      (await db.selectFrom('sla_policies').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
    );
  },

  async organizationExists(db: DbOrTrx, id: number): Promise<boolean> {
    return (
      (await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()) !==
      undefined
    );
  },
};

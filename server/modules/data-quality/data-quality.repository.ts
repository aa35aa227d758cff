import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { DataQualityRunsTable } from '../../db/schema';

export type RunRow = Selectable<DataQualityRunsTable>;

const OPEN = ['new', 'open', 'pending', 'on_hold'] as const;
const count = async (query: Promise<{ n: number | string } | undefined>) => Number((await query)?.n ?? 0);

/**
 * The data-quality checks' reads (each through an index, or bounded) and the runs table. Every
 * check answers its count, the first items and what it looked at (the score's share).
 */
export const dataQualityRepository = {
  /** Unsolved tickets (the board's covering index, open part only). */
  openTickets(db: DbOrTrx): Promise<number> {
    return count(
      db
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('is_open', '=', 1)
        .executeTakeFirst(),
    );
  },

  /** Tickets changed since `since` (the updated-time index). */
  ticketsChangedSince(db: DbOrTrx, since: string): Promise<number> {
    return count(
      db
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('updated_at', '>=', since)
        .executeTakeFirst(),
    );
  },

  /** Tickets changed since `since` that have no category (the category index, its null part). */
  async uncategorised(db: DbOrTrx, since: string, limit: number) {
    const base = db.selectFrom('tickets').where('category_id', 'is', null).where('updated_at', '>=', since);
    return {
      count: await count(base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst()),
      items: await base
        .select(['id', 'subject', 'updated_at'])
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),
    };
  },

  /** Unsolved tickets untouched since `before` (the status and updated-time index), the longest first. */
  async stale(db: DbOrTrx, before: string, limit: number) {
    const base = db.selectFrom('tickets').where('status', 'in', OPEN).where('updated_at', '<', before);
    return {
      count: await count(base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst()),
      items: await base
        .select(['id', 'subject', 'updated_at'])
        .orderBy('updated_at')
        .orderBy('id')
        .limit(limit)
        .execute(),
    };
  },

  /** Deactivated staff (few), and their unsolved tickets through the assignee index. */
  async onDeactivated(db: DbOrTrx, limit: number) {
    const people = await db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('deactivated_at', 'is not', null)
      .where('role', '!=', 'customer')
      .execute();
    if (people.length === 0) return { count: 0, items: [] };
    const ids = people.map((p) => p.id);
    const base = db.selectFrom('tickets').where('assignee_id', 'in', ids).where('is_open', '=', 1);
    const rows = await base.select(['id', 'subject', 'assignee_id']).orderBy('id').limit(limit).execute();
    const names = new Map(people.map((p) => [p.id, p.name]));
    return {
      count: await count(base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst()),
      items: rows.map((r) => ({ ...r, assignee_name: names.get(r.assignee_id ?? 0) ?? '' })),
    };
  },

  /** Of these tickets, the unsolved ones whose assignee is deactivated (the fix checks again). */
  onDeactivatedAmong(db: DbOrTrx, ticketIds: number[]) {
    return db
      .selectFrom('tickets')
      .innerJoin('users', 'users.id', 'tickets.assignee_id')
      .select(['tickets.id', 'users.name as assignee_name'])
      .where('tickets.id', 'in', ticketIds)
      .where('tickets.is_open', '=', 1)
      .where('users.deactivated_at', 'is not', null)
      .execute();
  },

  /** Tickets solved since `since` (the solved-time index). */
  solvedSince(db: DbOrTrx, since: string): Promise<number> {
    return count(
      db
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('solved_at', '>=', since)
        .executeTakeFirst(),
    );
  },

  /** Tickets solved since `since` with no public reply from staff (each looked up by its messages' index). */
  async solvedWithoutReply(db: DbOrTrx, since: string, limit: number) {
    const base = db
      .selectFrom('tickets')
      .where('solved_at', '>=', since)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('messages')
              .select('messages.id')
              .whereRef('messages.ticket_id', '=', 'tickets.id')
              .where('messages.kind', 'in', ['reply', 'call', 'visit']),
          ),
        ),
      );
    return {
      count: await count(base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst()),
      items: await base
        .select(['id', 'subject', 'solved_at'])
        .orderBy('solved_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),
    };
  },

  /** Customers not merged away, with their addresses and phone: the newest `limit` (bounded). */
  async customersForDuplicates(db: DbOrTrx, limit: number) {
    const customers = await db
      .selectFrom('customers')
      .select(['id', 'name', 'email', 'phone', 'organization_id'])
      .where('merged_into_id', 'is', null)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    const ids = customers.map((c) => c.id);
    const emails: { email: string; customer_id: number }[] = [];
    for (let i = 0; i < ids.length; i += 500)
      emails.push(
        ...(await db
          .selectFrom('customer_emails')
          .select(['email', 'customer_id'])
          .where('customer_id', 'in', ids.slice(i, i + 500))
          .execute()),
      );
    return { customers, emails };
  },

  /** Contracts past their end whose organisation has no contract running on `today` (the end-date index). */
  async expiredContracts(db: DbOrTrx, today: string, limit: number) {
    const base = db
      .selectFrom('contracts')
      .innerJoin('organizations', 'organizations.id', 'contracts.organization_id')
      .where('contracts.ends_on', '<', today)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('contracts as running')
              .select('running.id')
              .whereRef('running.organization_id', '=', 'contracts.organization_id')
              .where('running.ends_on', '>=', today),
          ),
        ),
      );
    return {
      count: await count(base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst()),
      population: await count(
        db
          .selectFrom('contracts')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirst(),
      ),
      items: await base
        .select([
          'contracts.id',
          'contracts.plan',
          'contracts.ends_on',
          'organizations.id as organization_id',
          'organizations.name',
        ])
        .orderBy('contracts.ends_on')
        .orderBy('contracts.id')
        .limit(limit)
        .execute(),
    };
  },

  /** Organisations with no email domain. */
  async organizationsWithoutDomain(db: DbOrTrx, limit: number) {
    const base = db.selectFrom('organizations').where('domains', '=', '[]');
    return {
      count: await count(base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst()),
      population: await count(
        db
          .selectFrom('organizations')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirst(),
      ),
      items: await base.select(['id', 'name']).orderBy('name').orderBy('id').limit(limit).execute(),
    };
  },

  /** Records a run; a daily run claims its day (false when another node already ran it). */
  async insertRun(
    db: DbOrTrx,
    values: {
      trigger: 'daily' | 'manual';
      daily_key: string | null;
      score_tenths: number;
      findings: string;
      ran_at: string;
    },
  ): Promise<number | null> {
    const row = await db
      .insertInto('data_quality_runs')
      .values(values)
      .onConflict((oc) => oc.column('daily_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  },

  async updateRun(db: DbOrTrx, id: number, values: { score_tenths: number; findings: string }) {
    await db.updateTable('data_quality_runs').set(values).where('id', '=', id).execute();
  },

  hasDailyRun(db: DbOrTrx, day: string) {
    return db.selectFrom('data_quality_runs').select('id').where('daily_key', '=', day).executeTakeFirst();
  },

  latestRun(db: DbOrTrx): Promise<RunRow | undefined> {
    return db
      .selectFrom('data_quality_runs')
      .selectAll()
      .orderBy('ran_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  runById(db: DbOrTrx, id: number): Promise<RunRow | undefined> {
    return db.selectFrom('data_quality_runs').selectAll().where('id', '=', id).executeTakeFirst();
  },

  history(db: DbOrTrx, since: string) {
    return db
      .selectFrom('data_quality_runs')
      .select(['ran_at', 'score_tenths', 'trigger'])
      .where('ran_at', '>=', since)
      .orderBy('ran_at')
      .orderBy('id')
      .limit(500)
      .execute();
  },
};

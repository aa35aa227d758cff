import { type Selectable, sql } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import { prepared } from '../../db/prepared';
import type { SlaEventsTable, SlaPoliciesTable, TicketSlaTable } from '../../db/schema';

export type PolicyRow = Selectable<SlaPoliciesTable> & {
  calendar_name: string | null;
  team_name: string | null;
};
export type TicketSlaRow = Selectable<TicketSlaTable>;
export type SlaEventRow = Selectable<SlaEventsTable> & { policy_name: string | null };

export interface PolicyValues {
  name: string;
  description: string;
  active: number;
  conditions: string;
  targets: string;
  calendar_id: number | null;
  pause_on: string;
  warn_percent: number;
  raise_priority: number;
  escalate_team_id: number | null;
}

const policies = (db: DbOrTrx) =>
  db
    .selectFrom('sla_policies')
    .leftJoin('business_calendars as cal', 'cal.id', 'sla_policies.calendar_id')
    .leftJoin('teams as team', 'team.id', 'sla_policies.escalate_team_id')
    .selectAll('sla_policies')
    .select(['cal.name as calendar_name', 'team.name as team_name']);

/** Every ticket change reads the policies (ADR 0021): a statement built once. */
const orderedPolicies = prepared((db, _p: Record<string, never>) =>
  policies(db).orderBy('sla_policies.position').orderBy('sla_policies.id'),
);

/** On PostgreSQL the row stays locked until the transaction ends, so the sweep waits for the change. */
const ticketSlaQuery = prepared((db, p: { ticketId: number }) =>
  adapterOf(db).forUpdate(db.selectFrom('ticket_sla').selectAll().where('ticket_id', '=', p.ticketId)),
);

const insertClocks = prepared((db, p: Omit<TicketSlaRow, 'revision'>) =>
  db.insertInto('ticket_sla').values({
    ticket_id: p.ticket_id,
    policy_id: p.policy_id,
    clocks: p.clocks,
    next_check_at: p.next_check_at,
    revision: 1,
    updated_at: p.updated_at,
  }),
);

const updateClocks = prepared((db, p: Omit<TicketSlaRow, 'revision'> & { revision: number; next: number }) =>
  db
    .updateTable('ticket_sla')
    .set({
      policy_id: p.policy_id,
      clocks: p.clocks,
      next_check_at: p.next_check_at,
      revision: p.next,
      updated_at: p.updated_at,
    })
    .where('ticket_id', '=', p.ticket_id)
    .where('revision', '=', p.revision),
);

const insertEvent = prepared((db, p: Omit<Selectable<SlaEventsTable>, 'id'>) =>
  db.insertInto('sla_events').values({
    ticket_id: p.ticket_id,
    type: p.type,
    metric: p.metric,
    policy_id: p.policy_id,
    detail: p.detail,
    at: p.at,
  }),
);

export const slaRepository = {
  listPolicies(db: DbOrTrx): Promise<PolicyRow[]> {
    return orderedPolicies.rows(db, {});
  },

  findPolicy(db: DbOrTrx, id: number): Promise<PolicyRow | undefined> {
    return policies(db).where('sla_policies.id', '=', id).executeTakeFirst();
  },

  async nameTaken(db: DbOrTrx, name: string, exceptId: number | null): Promise<boolean> {
    let q = db.selectFrom('sla_policies').select('id').where('name', '=', name);
    if (exceptId !== null) q = q.where('id', '!=', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  },

  async insertPolicy(db: DbOrTrx, values: PolicyValues, now: string): Promise<number> {
    const last = await db
      .selectFrom('sla_policies')
      .select((eb) => eb.fn.max('position').as('position'))
      .executeTakeFirst();
    const row = await db
      .insertInto('sla_policies')
      .values({ ...values, position: Number(last?.position ?? 0) + 1, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async updatePolicy(db: DbOrTrx, id: number, values: Partial<PolicyValues>, now: string): Promise<void> {
    await db
      .updateTable('sla_policies')
      .set({ ...values, updated_at: now })
      .where('id', '=', id)
      .execute();
  },

  async removePolicy(db: DbOrTrx, id: number): Promise<void> {
    await db.deleteFrom('sla_policies').where('id', '=', id).execute();
  },

  async setPositions(db: DbOrTrx, ids: number[], now: string): Promise<void> {
    for (const [index, id] of ids.entries())
      await db
        .updateTable('sla_policies')
        .set({ position: index + 1, updated_at: now })
        .where('id', '=', id)
        .execute();
  },

  /** A ticket's clocks, locked for the change being made (PostgreSQL). */
  ticketSlaForUpdate(db: DbOrTrx, ticketId: number): Promise<TicketSlaRow | undefined> {
    return ticketSlaQuery.first(db, { ticketId });
  },

  ticketSlaMany(db: DbOrTrx, ticketIds: number[]): Promise<TicketSlaRow[]> {
    if (ticketIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('ticket_sla').selectAll().where('ticket_id', 'in', ticketIds).execute();
  },

  async insertTicketSla(
    db: DbOrTrx,
    row: {
      ticketId: number;
      policyId: number | null;
      clocks: string;
      nextCheckAt: string | null;
      now: string;
    },
  ): Promise<void> {
    await insertClocks.run(db, {
      ticket_id: row.ticketId,
      policy_id: row.policyId,
      clocks: row.clocks,
      next_check_at: row.nextCheckAt,
      updated_at: row.now,
    });
  },

  /**
   * Writes a ticket's clocks if nobody did since `revision` was read: the claim that makes each
   * warning and breach fire once, on any number of nodes. False when the row had moved on.
   */
  async updateTicketSla(
    db: DbOrTrx,
    row: {
      ticketId: number;
      revision: number;
      policyId: number | null;
      clocks: string;
      nextCheckAt: string | null;
      now: string;
    },
  ): Promise<boolean> {
    const result = await updateClocks.run(db, {
      ticket_id: row.ticketId,
      policy_id: row.policyId,
      clocks: row.clocks,
      next_check_at: row.nextCheckAt,
      updated_at: row.now,
      revision: row.revision,
      next: row.revision + 1,
    });
    return Number(result.numAffectedRows ?? 0) === 1;
  },

  async setNextCheck(db: DbOrTrx, ticketId: number, at: string | null): Promise<void> {
    await db.updateTable('ticket_sla').set({ next_check_at: at }).where('ticket_id', '=', ticketId).execute();
  },

  /** Rows whose next warning or breach is due, soonest first (an index range on next_check_at). */
  dueForCheck(db: DbOrTrx, now: string, limit: number): Promise<TicketSlaRow[]> {
    return db
      .selectFrom('ticket_sla')
      .selectAll()
      .where('next_check_at', '<=', now)
      .orderBy('next_check_at')
      .orderBy('ticket_id')
      .limit(limit)
      .execute();
  },

  async appendEvents(db: DbOrTrx, rows: Omit<Selectable<SlaEventsTable>, 'id'>[]): Promise<void> {
    for (const row of rows) await insertEvent.run(db, row);
  },

  events(db: DbOrTrx, ticketId: number): Promise<SlaEventRow[]> {
    return db
      .selectFrom('sla_events')
      .leftJoin('sla_policies as p', 'p.id', 'sla_events.policy_id')
      .selectAll('sla_events')
      .select('p.name as policy_name')
      .where('sla_events.ticket_id', '=', ticketId)
      .orderBy('sla_events.id')
      .limit(1000)
      .execute();
  },

  /** The last tickets opened, for a dry run of the policies. */
  lastTicketIds(db: DbOrTrx, limit: number): Promise<{ id: number }[]> {
    return db.selectFrom('tickets').select('id').orderBy('id', 'desc').limit(limit).execute();
  },

  /**
   * Unsolved tickets whose next target runs out in [after, before), of the given teams or all:
   * counted from `tickets_sla_due_open_idx` (sla_due_at, team_id, is_open of open tickets, migration 0047)
   * alone, so only the open tickets due in the range are visited, and only their index entries. A ticket without a target has
   * no due time and is in no range.
   */
  async countDue(
    db: DbOrTrx,
    range: { after: string | null; before: string; teamIds: number[] | null },
  ): Promise<number> {
    let query = db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('sla_due_at', '<', range.before)
      // A literal, so both databases can prove the read stays within the partial index.
      .where('is_open', '=', sql.lit(1));
    if (range.after !== null) query = query.where('sla_due_at', '>=', range.after);
    // `+team_id`: the team is checked on the index entries; an index that leads with the team
    // (SQLite's choice otherwise) would visit every open ticket of the team and its row.
    if (range.teamIds)
      query = query.where(sql<number>`+tickets.team_id`, 'in', range.teamIds.length ? range.teamIds : [-1]);
    const row = await query.executeTakeFirst();
    return Number(row?.n ?? 0);
  },
};

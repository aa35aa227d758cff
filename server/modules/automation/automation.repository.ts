import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import { prepared } from '../../db/prepared';
import type { AutomationsTable, TicketStatus, TriggersTable } from '../../db/schema';

export type TriggerRow = Selectable<TriggersTable>;
export type AutomationRow = Selectable<AutomationsTable>;
type RuleTable = 'triggers' | 'automations';
type RuleValues = Omit<Insertable<TriggersTable>, 'id'> | Omit<Insertable<AutomationsTable>, 'id'>;

const revisionQuery = prepared((db, p: { name: string }) =>
  db.selectFrom('automation_revisions').select('revision').where('name', '=', p.name),
);

const latestCustomerBodyQuery = prepared((db, p: { ticketId: number }) =>
  db
    .selectFrom('messages')
    .select('body')
    .where('ticket_id', '=', p.ticketId)
    .where('kind', '=', 'customer')
    .orderBy('id', 'desc')
    .limit(1),
);

/** Rules by table, in their order. */
function rules<T extends RuleTable>(table: T) {
  return {
    list(db: DbOrTrx) {
      return db
        .selectFrom(table as 'triggers')
        .selectAll()
        .orderBy('position')
        .orderBy('id')
        .execute() as Promise<T extends 'triggers' ? TriggerRow[] : AutomationRow[]>;
    },
    find(db: DbOrTrx, id: number) {
      return db
        .selectFrom(table as 'triggers')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst() as Promise<(T extends 'triggers' ? TriggerRow : AutomationRow) | undefined>;
    },
    async insert(
      db: DbOrTrx,
      values: T extends 'triggers'
        ? Omit<Insertable<TriggersTable>, 'id'>
        : Omit<Insertable<AutomationsTable>, 'id'>,
    ) {
      const row = await db
        .insertInto(table as 'triggers')
        .values(values as Omit<Insertable<TriggersTable>, 'id'>)
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async update(db: DbOrTrx, id: number, values: Partial<RuleValues>) {
      await db
        .updateTable(table as 'triggers')
        .set(values as Partial<Insertable<TriggersTable>>)
        .where('id', '=', id)
        .execute();
    },
    async remove(db: DbOrTrx, id: number) {
      await db
        .deleteFrom(table as 'triggers')
        .where('id', '=', id)
        .execute();
    },
    async nextPosition(db: DbOrTrx): Promise<number> {
      const row = await db
        .selectFrom(table as 'triggers')
        .select((eb) => eb.fn.max('position').as('top'))
        .executeTakeFirst();
      return Number(row?.top ?? 0) + 1;
    },
    async setPosition(db: DbOrTrx, id: number, position: number, now: string) {
      await db
        .updateTable(table as 'triggers')
        .set({ position, updated_at: now })
        .where('id', '=', id)
        .execute();
    },
  };
}

export const automationRepository = {
  triggers: rules('triggers'),
  automations: rules('automations'),

  /** The revision of a kind of rule: moves with every change, so each node reloads its compiled copy (null: none kept yet). */
  async revision(db: DbOrTrx, name: RuleTable): Promise<number | null> {
    return (await revisionQuery.first(db, { name }))?.revision ?? null;
  },

  /** A new random revision: unique across databases too, so a process serving several keeps their copies apart. */
  async bumpRevision(db: DbOrTrx, name: RuleTable): Promise<void> {
    const revision = Math.floor(Math.random() * 2 ** 31);
    await db
      .insertInto('automation_revisions')
      .values({ name, revision })
      .onConflict((oc) => oc.column('name').doUpdateSet({ revision }))
      .execute();
  },

  /** Adds the default automation when it is missing (an emptied table); one per database, by its unique key. */
  async ensureDefault(db: DbOrTrx, values: Omit<Insertable<AutomationsTable>, 'id'>): Promise<void> {
    await db
      .insertInto('automations')
      .values(values)
      .onConflict((oc) => oc.column('system_key').doNothing())
      .execute();
  },

  async hasDefault(db: DbOrTrx, key: string): Promise<boolean> {
    const row = await db
      .selectFrom('automations')
      .select('id')
      .where('system_key', '=', key)
      .executeTakeFirst();
    return row !== undefined;
  },

  async countFiring(db: DbOrTrx, id: number, at: string): Promise<void> {
    await db
      .updateTable('triggers')
      .set((eb) => ({ fired_count: eb('fired_count', '+', 1), last_fired_at: at }))
      .where('id', '=', id)
      .execute();
  },

  async countRun(db: DbOrTrx, id: number, acted: number, at: string): Promise<void> {
    await db
      .updateTable('automations')
      .set((eb) => ({ acted_count: eb('acted_count', '+', acted), last_run_at: at }))
      .where('id', '=', id)
      .execute();
  },

  /** The periods in which an automation already acted on these tickets. */
  async claimsOf(db: DbOrTrx, automationId: number, ticketIds: readonly number[]) {
    if (ticketIds.length === 0) return [];
    return db
      .selectFrom('automation_claims')
      .select(['ticket_id', 'period_key'])
      .where('automation_id', '=', automationId)
      .where(adapterOf(db).idIn('ticket_id', ticketIds))
      .execute();
  },

  /** Claims a ticket's period for an automation; false when it was claimed before (here or on another node). */
  async claim(db: DbOrTrx, automationId: number, ticketId: number, periodKey: string, at: string) {
    const result = await db
      .insertInto('automation_claims')
      .values({ automation_id: automationId, ticket_id: ticketId, period_key: periodKey, acted_at: at })
      .onConflict((oc) => oc.columns(['automation_id', 'ticket_id', 'period_key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  /** Locks a ticket's row for an automation, passing over it when another node holds it (PostgreSQL). */
  async lockTicket(db: DbOrTrx, ticketId: number): Promise<boolean> {
    const adapter = adapterOf(db);
    if (!adapter.locksRows) return true;
    const row = await adapter
      .skipLocked(db.selectFrom('tickets').select('id').where('id', '=', ticketId))
      .executeTakeFirst();
    return row !== undefined;
  },

  /** The newest tickets (the dry run's sample). */
  async newestTicketIds(db: DbOrTrx, limit: number): Promise<number[]> {
    const rows = await db
      .selectFrom('tickets')
      .select('id')
      .where('merged_into_id', 'is', null)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  },

  /** The events of each ticket's latest change (all written at its newest moment), rules' own records left out. */
  async latestChanges(db: DbOrTrx, ticketIds: readonly number[]) {
    if (ticketIds.length === 0)
      return new Map<number, { type: string; from: string | null; to: string | null }[]>();
    const rows = await db
      .selectFrom('ticket_events')
      .select(['ticket_id', 'type', 'from_value', 'to_value', 'created_at'])
      .where(adapterOf(db).idIn('ticket_id', ticketIds))
      .where('type', 'not in', ['trigger_fired', 'trigger_failed', 'automation_acted'])
      .orderBy('id', 'desc')
      .execute();
    const newest = new Map<number, string>();
    const out = new Map<number, { type: string; from: string | null; to: string | null }[]>();
    for (const r of rows) {
      const at = newest.get(r.ticket_id) ?? r.created_at;
      newest.set(r.ticket_id, at);
      if (r.created_at !== at) continue;
      const list = out.get(r.ticket_id) ?? [];
      list.unshift({ type: r.type, from: r.from_value, to: r.to_value });
      out.set(r.ticket_id, list);
    }
    return out;
  },

  /** When each of these tickets last became pending (or was opened pending). */
  async pendingSince(db: DbOrTrx, ticketIds: readonly number[]): Promise<Map<number, string>> {
    if (ticketIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('ticket_events')
      .select(['ticket_id', (eb) => eb.fn.max('created_at').as('since')])
      .where(adapterOf(db).idIn('ticket_id', ticketIds))
      .where('type', 'in', ['status_changed', 'created'])
      .where('to_value', '=', 'pending')
      .groupBy('ticket_id')
      .execute();
    return new Map(rows.map((r) => [r.ticket_id, String(r.since)]));
  },

  /** The customer's latest message on a ticket (the text rules look at). */
  async latestCustomerBody(db: DbOrTrx, ticketId: number): Promise<string> {
    return (await latestCustomerBodyQuery.first(db, { ticketId }))?.body ?? '';
  },

  /**
   * Tickets an automation may act on, by id after `afterId`: not closed or merged, in the
   * statuses its conditions ask for (else open), and whose time bases are old enough in
   * calendar time (open time never runs faster, so business-hour conditions are caught too).
   */
  async candidates(
    db: DbOrTrx,
    filter: {
      statuses: TicketStatus[] | null;
      createdBefore: string | null;
      updatedBefore: string | null;
      customerBefore: string | null;
      solvedBefore: string | null;
      skip: readonly number[];
    },
    afterId: number,
    limit: number,
  ): Promise<number[]> {
    let q = db
      .selectFrom('tickets')
      .select('id')
      .where('id', '>', afterId)
      .where('merged_into_id', 'is', null)
      .where('status', '!=', 'closed');
    q = filter.statuses ? q.where('status', 'in', filter.statuses) : q.where('is_open', '=', 1);
    if (filter.createdBefore) q = q.where('created_at', '<=', filter.createdBefore);
    if (filter.updatedBefore) q = q.where('updated_at', '<=', filter.updatedBefore);
    if (filter.customerBefore) q = q.where('last_customer_message_at', '<=', filter.customerBefore);
    if (filter.solvedBefore) q = q.where('solved_at', '<=', filter.solvedBefore);
    if (filter.skip.length > 0) q = q.where('id', 'not in', filter.skip);
    const rows = await q.orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  },
};

import { type Insertable, type Selectable, sql } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { FollowUpEventsTable, FollowUpsTable } from '../../db/schema';

export type FollowUpValues = Omit<Insertable<FollowUpsTable>, 'id'>;
/** A follow-up with the names its list and detail show. */
export type FollowUpRow = Selectable<FollowUpsTable> & {
  ticket_subject: string | null;
  customer_name: string;
  customer_email: string | null;
  team_name: string | null;
  owner_name: string | null;
  contact_subject: string | null;
};
export type FollowUpEventRow = Selectable<FollowUpEventsTable> & { actor_name: string | null };

/** Who sees which follow-ups: everyone's (managers), or those owned by or of the teams led by a user. */
export type FollowUpScope = { all: true } | { all: false; userId: number; teamIds: number[] };
export type FollowUpView = 'open' | 'overdue' | 'closed' | 'all';

const rows = (db: DbOrTrx) =>
  db
    .selectFrom('follow_ups as f')
    .leftJoin('tickets as t', 't.id', 'f.ticket_id')
    .innerJoin('customers as c', 'c.id', 'f.customer_id')
    .leftJoin('teams as tm', 'tm.id', 'f.team_id')
    .leftJoin('users as u', 'u.id', 'f.owner_id')
    .leftJoin('tickets as ct', 'ct.id', 'f.contact_ticket_id')
    .selectAll('f')
    .select([
      't.subject as ticket_subject',
      'c.name as customer_name',
      'c.email as customer_email',
      'tm.name as team_name',
      'u.name as owner_name',
      'ct.subject as contact_subject',
    ]);

/** The ids of the follow-ups a scope sees (null: all of them). */
function visibleIds(db: DbOrTrx, scope: FollowUpScope) {
  if (scope.all) return null;
  const { userId, teamIds } = scope;
  return db
    .selectFrom('follow_ups')
    .select('id')
    .where((eb) =>
      teamIds.length > 0
        ? eb.or([eb('owner_id', '=', userId), eb('team_id', 'in', teamIds)])
        : eb('owner_id', '=', userId),
    );
}

export const followUpsRepository = {
  settings(db: DbOrTrx) {
    return db.selectFrom('follow_up_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  },

  async saveSettings(db: DbOrTrx, dueHours: number, now: string): Promise<void> {
    const updated = await db
      .updateTable('follow_up_settings')
      .set({ due_hours: dueHours, updated_at: now })
      .where('id', '=', 1)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await db
        .insertInto('follow_up_settings')
        .values({ id: 1, due_hours: dueHours, updated_at: now })
        .execute();
  },

  /** The team's lead, when the team has one who can still sign in. */
  async leadOf(db: DbOrTrx, teamId: number): Promise<number | null> {
    const row = await db
      .selectFrom('teams as t')
      .innerJoin('users as u', 'u.id', 't.lead_id')
      .select('u.id')
      .where('t.id', '=', teamId)
      .where('u.deactivated_at', 'is', null)
      .executeTakeFirst();
    return row?.id ?? null;
  },

  async managers(db: DbOrTrx): Promise<number[]> {
    const list = await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'manager')
      .where('deactivated_at', 'is', null)
      .execute();
    return list.map((u) => u.id);
  },

  async teamsLedBy(db: DbOrTrx, userId: number): Promise<number[]> {
    const list = await db.selectFrom('teams').select('id').where('lead_id', '=', userId).execute();
    return list.map((t) => t.id);
  },

  /** Opens a follow-up unless its source already has one: answers its id, or null when one existed. */
  async insertOnce(db: DbOrTrx, values: FollowUpValues): Promise<number | null> {
    const row = await db
      .insertInto('follow_ups')
      .values(values)
      .onConflict((oc) => oc.columns(['source_kind', 'source_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  },

  bySource(db: DbOrTrx, kind: FollowUpsTable['source_kind'], sourceId: number) {
    return db
      .selectFrom('follow_ups')
      .select(['id', 'state'])
      .where('source_kind', '=', kind)
      .where('source_id', '=', sourceId)
      .executeTakeFirst();
  },

  byId(db: DbOrTrx, id: number): Promise<FollowUpRow | undefined> {
    return rows(db).where('f.id', '=', id).executeTakeFirst();
  },

  async update(
    db: DbOrTrx,
    id: number,
    values: Partial<
      Pick<FollowUpsTable, 'state' | 'outcome' | 'outcome_note' | 'contact_ticket_id' | 'closed_at'>
    > & {
      updated_at: string;
    },
  ): Promise<void> {
    await db.updateTable('follow_ups').set(values).where('id', '=', id).execute();
  },

  async addEvent(db: DbOrTrx, values: Omit<Insertable<FollowUpEventsTable>, 'id'>): Promise<void> {
    await db.insertInto('follow_up_events').values(values).execute();
  },

  events(db: DbOrTrx, followUpId: number): Promise<FollowUpEventRow[]> {
    return db
      .selectFrom('follow_up_events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .selectAll('e')
      .select('u.name as actor_name')
      .where('e.follow_up_id', '=', followUpId)
      .orderBy('e.at')
      .orderBy('e.id')
      .execute();
  },

  /** A view's follow-ups: open and overdue by due time, closed newest first. */
  list(db: DbOrTrx, scope: FollowUpScope, view: FollowUpView, now: string, limit: number) {
    let q = rows(db);
    const ids = visibleIds(db, scope);
    if (ids) q = q.where('f.id', 'in', ids);
    if (view === 'open') q = q.where('f.state', '<>', 'resolved');
    if (view === 'overdue') q = q.where('f.state', '<>', 'resolved').where('f.due_at', '<', now);
    if (view === 'closed') q = q.where('f.state', '=', 'resolved');
    q = view === 'closed' ? q.orderBy('f.closed_at', 'desc') : q.orderBy('f.due_at');
    return q.orderBy('f.id', 'desc').limit(limit).execute();
  },

  /** Counts of open, overdue and closed follow-ups, and of those closed by their due time. */
  async counts(db: DbOrTrx, scope: FollowUpScope, now: string) {
    let q = db.selectFrom('follow_ups as f');
    const ids = visibleIds(db, scope);
    if (ids) q = q.where('f.id', 'in', ids);
    const row = await q
      .select((eb) => [
        eb.fn.sum<number>(sql<number>`case when f.state <> 'resolved' then 1 else 0 end`).as('open'),
        eb.fn
          .sum<number>(sql<number>`case when f.state <> 'resolved' and f.due_at < ${now} then 1 else 0 end`)
          .as('overdue'),
        eb.fn.sum<number>(sql<number>`case when f.state = 'resolved' then 1 else 0 end`).as('closed'),
        eb.fn
          .sum<number>(
            sql<number>`case when f.state = 'resolved' and f.closed_at <= f.due_at then 1 else 0 end`,
          )
          .as('closed_in_time'),
      ])
      .executeTakeFirstOrThrow();
    return {
      open: Number(row.open ?? 0),
      overdue: Number(row.overdue ?? 0),
      closed: Number(row.closed ?? 0),
      closedInTime: Number(row.closed_in_time ?? 0),
    };
  },

  /** Every follow-up in brief, oldest first. */
  all(db: DbOrTrx) {
    return db
      .selectFrom('follow_ups')
      .select(['id', 'source_kind', 'source_id', 'owner_id', 'team_id', 'created_at', 'due_at'])
      .orderBy('id')
      .execute();
  },

  /** Follow-ups about a ticket (its answer opened them) or that opened it. */
  ofTicket(db: DbOrTrx, ticketId: number) {
    return db
      .selectFrom('follow_ups')
      .select(['id', 'state', 'ticket_id', 'contact_ticket_id'])
      .where((eb) => eb.or([eb('ticket_id', '=', ticketId), eb('contact_ticket_id', '=', ticketId)]))
      .orderBy('id')
      .execute();
  },
};

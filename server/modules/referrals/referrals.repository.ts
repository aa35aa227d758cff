import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { prepared } from '../../db/prepared';
import type { ReferralEventsTable, ReferralsTable } from '../../db/schema';

export type ReferralRowBase = Selectable<ReferralsTable>;
export type ReferralEventRow = Selectable<ReferralEventsTable> & { actor_name: string | null };

/** A referral with the names the list shows. */
export type ReferralRow = ReferralRowBase & {
  referrer_name: string;
  referrer_email: string | null;
  referred_name: string;
  referred_email: string | null;
  ticket_subject: string | null;
  created_by_name: string | null;
};

// Every ticket opened asks whether its requester was referred and still waits for a first
// ticket: a read by the unique referred id, built once (see server/db/prepared.ts). The write
// follows only when there is one, so opening a ticket runs no multi-row update (which would
// open a statement journal, docs/adr/0010-opening-tickets-without-statement-journals.md).
const waitingReferral = prepared((db, p: { ticketId: number }) =>
  db
    .selectFrom('referrals')
    .select('id')
    .where('ticket_id', 'is', null)
    .where('referred_id', '=', (eb) =>
      eb.selectFrom('tickets').select('requester_id').where('id', '=', p.ticketId),
    ),
);

export interface ReferralFilter {
  state?: ReferralRowBase['state'];
  referrerId?: number;
  /** referrals the customer made or came by */
  customerId?: number;
}

const withNames = (db: DbOrTrx) =>
  db
    .selectFrom('referrals as r')
    .innerJoin('customers as a', 'a.id', 'r.referrer_id')
    .innerJoin('customers as b', 'b.id', 'r.referred_id')
    .leftJoin('tickets as t', 't.id', 'r.ticket_id')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .selectAll('r')
    .select([
      'a.name as referrer_name',
      'a.email as referrer_email',
      'b.name as referred_name',
      'b.email as referred_email',
      't.subject as ticket_subject',
      'u.name as created_by_name',
    ]);

export const referralsRepository = {
  find(db: DbOrTrx, id: number): Promise<ReferralRow | undefined> {
    return withNames(db).where('r.id', '=', id).executeTakeFirst();
  },

  ofReferred(db: DbOrTrx, customerId: number) {
    return db.selectFrom('referrals').select('id').where('referred_id', '=', customerId).executeTakeFirst();
  },

  list(db: DbOrTrx, f: ReferralFilter, limit: number): Promise<ReferralRow[]> {
    let q = withNames(db);
    if (f.state) q = q.where('r.state', '=', f.state);
    if (f.referrerId !== undefined) q = q.where('r.referrer_id', '=', f.referrerId);
    if (f.customerId !== undefined) {
      const id = f.customerId;
      q = q.where((eb) => eb.or([eb('r.referrer_id', '=', id), eb('r.referred_id', '=', id)]));
    }
    return q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
  },

  /** Adds a referral; null when the referred customer already has one (the unique column). */
  async insert(db: DbOrTrx, values: Omit<Insertable<ReferralsTable>, 'id'>): Promise<number | null> {
    const row = await db
      .insertInto('referrals')
      .values(values)
      .onConflict((oc) => oc.column('referred_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  },

  async update(db: DbOrTrx, id: number, values: Updateable<ReferralsTable>): Promise<void> {
    await db.updateTable('referrals').set(values).where('id', '=', id).execute();
  },

  /** Moves the reward state on from `from`; false when someone moved it first. */
  async moveState(
    db: DbOrTrx,
    id: number,
    from: ReferralRowBase['state'],
    values: Updateable<ReferralsTable>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('referrals')
      .set(values)
      .where('id', '=', id)
      .where('state', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async addEvent(db: DbOrTrx, values: Omit<Insertable<ReferralEventsTable>, 'id'>): Promise<void> {
    await db.insertInto('referral_events').values(values).execute();
  },

  events(db: DbOrTrx, referralIds: number[]): Promise<ReferralEventRow[]> {
    if (referralIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('referral_events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .selectAll('e')
      .select('u.name as actor_name')
      .where('e.referral_id', 'in', referralIds)
      .orderBy('e.at')
      .orderBy('e.id')
      .execute();
  },

  /** The customer's earliest ticket (tickets_requester_idx). */
  firstTicketOf(db: DbOrTrx, customerId: number) {
    return db
      .selectFrom('tickets')
      .select('id')
      .where('requester_id', '=', customerId)
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
  },

  /** Links a new ticket to the referral of its requester, when that referral has no ticket yet. */
  async linkTicket(db: DbOrTrx, ticketId: number, at: string): Promise<void> {
    const waiting = await waitingReferral.first(db, { ticketId });
    if (!waiting) return;
    await db
      .updateTable('referrals')
      .set({ ticket_id: ticketId, updated_at: at })
      .where('id', '=', waiting.id)
      .where('ticket_id', 'is', null)
      .execute();
  },
};

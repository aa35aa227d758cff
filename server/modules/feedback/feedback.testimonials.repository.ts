import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { TestimonialSettingsTable, TestimonialsTable } from '../../db/schema';

export type TestimonialRow = Selectable<TestimonialsTable>;
export type TestimonialSettingsRow = Selectable<TestimonialSettingsTable>;
type Changes = Updateable<TestimonialsTable>;

/** A testimonial with its customer's and organisation's names. */
export type TestimonialListRow = TestimonialRow & {
  customer_name: string;
  customer_email: string | null;
  organization_name: string | null;
};

export interface TestimonialFilter {
  /** stored states; `requested` is split by the link's expiry (`live`) */
  states?: TestimonialRow['state'][];
  expired?: { now: string; expired: boolean };
  source?: TestimonialRow['source_kind'];
  customerId?: number;
}

const withNames = (db: DbOrTrx) =>
  db
    .selectFrom('testimonials as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('organizations as o', 'o.id', 't.organization_id')
    .selectAll('t')
    .select(['c.name as customer_name', 'c.email as customer_email', 'o.name as organization_name']);

export const testimonialsRepository = {
  settings(db: DbOrTrx): Promise<TestimonialSettingsRow | undefined> {
    return db.selectFrom('testimonial_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  },

  async saveSettings(db: DbOrTrx, values: Omit<TestimonialSettingsRow, 'id'>): Promise<void> {
    const updated = await db
      .updateTable('testimonial_settings')
      .set(values)
      .where('id', '=', 1)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await db
        .insertInto('testimonial_settings')
        .values({ id: 1, ...values })
        .execute();
  },

  bySource(db: DbOrTrx, kind: TestimonialRow['source_kind'], sourceId: number) {
    return db
      .selectFrom('testimonials')
      .selectAll()
      .where('source_kind', '=', kind)
      .where('source_id', '=', sourceId)
      .executeTakeFirst();
  },

  /** Adds a request once per answer (the unique source): false when the answer already has one. */
  async insertOnce(db: DbOrTrx, values: Omit<Insertable<TestimonialsTable>, 'id'>): Promise<number | null> {
    const row = await db
      .insertInto('testimonials')
      .values(values)
      .onConflict((oc) => oc.columns(['source_kind', 'source_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  },

  async update(db: DbOrTrx, id: number, values: Changes): Promise<void> {
    await db.updateTable('testimonials').set(values).where('id', '=', id).execute();
  },

  /** Moves a request on from `from`; false when another node moved it first. */
  async claim(db: DbOrTrx, id: number, from: TestimonialRow['state'], values: Changes): Promise<boolean> {
    const result = await db
      .updateTable('testimonials')
      .set(values)
      .where('id', '=', id)
      .where('state', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Requests whose time to go out has come, oldest first (with the customer's address). */
  due(db: DbOrTrx, now: string, limit: number) {
    return withNames(db)
      .where('t.state', '=', 'scheduled')
      .where('t.due_at', '<=', now)
      .orderBy('t.due_at')
      .orderBy('t.id')
      .limit(limit)
      .execute();
  },

  /** Whether the customer was sent a request since `since` (the frequency cap). */
  async requestedSince(db: DbOrTrx, customerId: number, since: string): Promise<boolean> {
    const row = await db
      .selectFrom('testimonials')
      .select('id')
      .where('customer_id', '=', customerId)
      .where('requested_at', '>=', since)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  byTokenHash(db: DbOrTrx, tokenHash: string): Promise<TestimonialListRow | undefined> {
    return withNames(db).where('t.token_hash', '=', tokenHash).executeTakeFirst();
  },

  find(db: DbOrTrx, id: number): Promise<TestimonialListRow | undefined> {
    return withNames(db).where('t.id', '=', id).executeTakeFirst();
  },

  /** Sent requests (never the scheduled or skipped ones), newest first. */
  list(db: DbOrTrx, f: TestimonialFilter, limit: number): Promise<TestimonialListRow[]> {
    let q = withNames(db).where(
      't.state',
      'in',
      f.states ?? ['requested', 'approved', 'declined', 'withdrawn'],
    );
    if (f.expired) q = q.where('t.expires_at', f.expired.expired ? '<=' : '>', f.expired.now);
    if (f.source) q = q.where('t.source_kind', '=', f.source);
    if (f.customerId !== undefined) q = q.where('t.customer_id', '=', f.customerId);
    return q.orderBy('t.created_at', 'desc').orderBy('t.id', 'desc').limit(limit).execute();
  },

  /** What marketing may use: approved and published, in the order consent was given. */
  published(db: DbOrTrx): Promise<TestimonialListRow[]> {
    return withNames(db)
      .where('t.state', '=', 'approved')
      .where('t.published', '=', 1)
      .orderBy('t.consented_at')
      .orderBy('t.id')
      .execute();
  },
};

import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import { containsText } from '../../db/like';
import type { InboundMailTable, InboundStatus } from '../../db/schema';

const listColumns = [
  'inbound_mail.id',
  'inbound_mail.mailbox_id',
  'mailboxes.display_name as mailbox_name',
  'inbound_mail.source',
  'inbound_mail.envelope_from',
  'inbound_mail.recipients',
  'inbound_mail.message_id',
  'inbound_mail.sender',
  'inbound_mail.subject',
  'inbound_mail.size',
  'inbound_mail.status',
  'inbound_mail.reason',
  'inbound_mail.attempts',
  'inbound_mail.ticket_id',
  'inbound_mail.received_at',
  'inbound_mail.processed_at',
] as const;

/** One of `count` workers that share the queue by id. */
export interface Lane {
  index: number;
  count: number;
}

/** Received mail, kept raw until processed. */
export const inboundRepository = {
  /** Stores a received message; the same Message-ID and fingerprint seen before stores nothing and answers null. */
  async insert(
    db: DbOrTrx,
    values: Pick<
      InboundMailTable,
      | 'mailbox_id'
      | 'source'
      | 'envelope_from'
      | 'recipients'
      | 'message_id'
      | 'fingerprint'
      | 'sender'
      | 'subject'
      | 'raw'
    > & { message_id_clash: number },
    now: string,
  ): Promise<number | null> {
    const row = await db
      .insertInto('inbound_mail')
      .values({
        ...values,
        size: values.raw.length,
        status: 'queued',
        attempts: 0,
        released: 0,
        received_at: now,
      })
      .onConflict((oc) => oc.columns(['message_id', 'fingerprint']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  },

  /** Whether a mail with this Message-ID was kept before. */
  async messageIdKnown(db: DbOrTrx, messageId: string): Promise<boolean> {
    const row = await db
      .selectFrom('inbound_mail')
      .select('id')
      .where('message_id', '=', messageId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Makes committed rows durable on disk now (SQLite WAL; PostgreSQL commits are already). */
  async flush(db: DbOrTrx) {
    await adapterOf(db).flush(db);
  },

  /** The next queued messages after `afterId`, oldest first (read before they are locked). */
  nextQueued(db: DbOrTrx, afterId: number, limit: number, lane: Lane = { index: 0, count: 1 }) {
    let query = db
      .selectFrom('inbound_mail')
      .selectAll()
      .where('status', '=', 'queued')
      .where('id', '>', afterId);
    if (lane.count > 1) query = query.where(sql<number>`id % ${lane.count}`, '=', lane.index);
    return query.orderBy('id').limit(limit).execute();
  },

  /**
   * Claims a queued message for this transaction: false when it was processed meanwhile or, on
   * PostgreSQL, another node holds it (the row stays locked until the transaction ends).
   */
  async lockQueued(db: DbOrTrx, id: number): Promise<boolean> {
    const query = db
      .selectFrom('inbound_mail')
      .select('id')
      .where('id', '=', id)
      .where('status', '=', 'queued');
    return (await adapterOf(db).skipLocked(query).executeTakeFirst()) !== undefined;
  },

  async lockById(db: DbOrTrx, id: number) {
    const query = db.selectFrom('inbound_mail').selectAll().where('id', '=', id);
    return adapterOf(db).forUpdate(query).executeTakeFirst();
  },

  async finish(
    db: DbOrTrx,
    id: number,
    values: {
      status: InboundStatus;
      reason: string | null;
      ticket_id?: number | null;
      sender?: string | null;
      subject?: string;
      mailbox_id?: number;
    },
    now: string,
  ) {
    await db
      .updateTable('inbound_mail')
      .set((eb) => ({ ...values, processed_at: now, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
  },

  async requeue(db: DbOrTrx, id: number, release: boolean) {
    await db
      .updateTable('inbound_mail')
      .set({ status: 'queued', reason: null, processed_at: null, ...(release ? { released: 1 } : {}) })
      .where('id', '=', id)
      .execute();
  },

  /** Messages from this sender received since `since` (the loop guard). */
  async countFromSender(db: DbOrTrx, sender: string, since: string, exceptId: number) {
    const row = await db
      .selectFrom('inbound_mail')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('sender', '=', sender)
      .where('received_at', '>=', since)
      .where('id', '!=', exceptId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  list(db: DbOrTrx, filter: { status?: InboundStatus; q?: string; limit: number }, beforeId: number | null) {
    let query = db
      .selectFrom('inbound_mail')
      .leftJoin('mailboxes', 'mailboxes.id', 'inbound_mail.mailbox_id')
      .select(listColumns);
    if (filter.status) query = query.where('inbound_mail.status', '=', filter.status);
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) =>
        eb.or([
          containsText(eb.ref('inbound_mail.subject'), q),
          containsText(eb.ref('inbound_mail.sender'), q),
        ]),
      );
    }
    if (beforeId !== null) query = query.where('inbound_mail.id', '<', beforeId);
    return query
      .orderBy('inbound_mail.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  findById(db: DbOrTrx, id: number) {
    return db
      .selectFrom('inbound_mail')
      .leftJoin('mailboxes', 'mailboxes.id', 'inbound_mail.mailbox_id')
      .select(listColumns)
      .where('inbound_mail.id', '=', id)
      .executeTakeFirst();
  },

  async raw(db: DbOrTrx, id: number): Promise<Buffer | null> {
    const row = await db.selectFrom('inbound_mail').select('raw').where('id', '=', id).executeTakeFirst();
    return row ? Buffer.from(row.raw) : null;
  },

  async remove(db: DbOrTrx, id: number) {
    await db.deleteFrom('inbound_mail').where('id', '=', id).execute();
  },

  async countByStatus(db: DbOrTrx) {
    const rows = await db
      .selectFrom('inbound_mail')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const counts: Record<InboundStatus, number> = { queued: 0, processed: 0, failed: 0, spam: 0, ignored: 0 };
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  },
};

export type InboundListRow = NonNullable<Awaited<ReturnType<typeof inboundRepository.findById>>>;
export type QueuedMailRow = Awaited<ReturnType<typeof inboundRepository.nextQueued>>[number];

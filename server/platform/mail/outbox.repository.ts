import { sql } from 'kysely';
import { type DbOrTrx, dialectOf } from '../../db/database';
import type { MailOutboxTable } from '../../db/schema';

export const outboxRepository = {
  async enqueue(
    db: DbOrTrx,
    values: Omit<
      MailOutboxTable,
      'id' | 'status' | 'attempts' | 'last_error' | 'next_attempt_at' | 'created_at' | 'sent_at'
    >,
    now: string,
  ) {
    const row = await db
      .insertInto('mail_outbox')
      .values({ ...values, status: 'queued', attempts: 0, next_attempt_at: now, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /**
   * Claims due mail for sending. On PostgreSQL rows are locked with SKIP LOCKED so several nodes
   * share the work; SQLite has one writer, so a plain update is enough.
   */
  async claimDue(db: DbOrTrx, now: string, limit: number) {
    const ids =
      dialectOf(db) === 'postgres'
        ? (
            await sql<{
              id: number;
            }>`select id from mail_outbox where status = 'queued' and next_attempt_at <= ${now}
              order by id limit ${limit} for update skip locked`.execute(db)
          ).rows.map((r) => r.id)
        : (
            await db
              .selectFrom('mail_outbox')
              .select('id')
              .where('status', '=', 'queued')
              .where('next_attempt_at', '<=', now)
              .orderBy('id')
              .limit(limit)
              .execute()
          ).map((r) => r.id);
    if (ids.length === 0) return [];
    await db.updateTable('mail_outbox').set({ status: 'sending' }).where('id', 'in', ids).execute();
    return db.selectFrom('mail_outbox').selectAll().where('id', 'in', ids).execute();
  },

  async markSent(db: DbOrTrx, id: number, now: string) {
    await db
      .updateTable('mail_outbox')
      .set((eb) => ({ status: 'sent', sent_at: now, attempts: eb('attempts', '+', 1), last_error: null }))
      .where('id', '=', id)
      .execute();
  },

  async markFailed(db: DbOrTrx, id: number, error: string, retryAt: string | null) {
    await db
      .updateTable('mail_outbox')
      .set((eb) => ({
        status: retryAt ? 'queued' : 'failed',
        attempts: eb('attempts', '+', 1),
        last_error: error.slice(0, 1000),
        next_attempt_at: retryAt ?? sql<string>`next_attempt_at`,
      }))
      .where('id', '=', id)
      .execute();
  },

  /** How the mails carrying these ticket messages fared. */
  deliveryOf(db: DbOrTrx, messageIds: number[]) {
    if (messageIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('mail_outbox')
      .select(['message_row_id', 'to_address', 'cc', 'status', 'last_error', 'attempts'])
      .where('message_row_id', 'in', messageIds)
      .execute();
  },

  /** A mail the receiving server accepted and later returned as undeliverable (a bounce). */
  async markBounced(db: DbOrTrx, id: number, error: string) {
    await db
      .updateTable('mail_outbox')
      .set({ status: 'failed', last_error: error.slice(0, 1000) })
      .where('id', '=', id)
      .execute();
    return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Mail stuck in 'sending' after a crash goes back to the queue. */
  async requeueStale(db: DbOrTrx, before: string) {
    await db
      .updateTable('mail_outbox')
      .set({ status: 'queued' })
      .where('status', '=', 'sending')
      .where('next_attempt_at', '<', before)
      .execute();
  },
};

export type OutboxRow = Awaited<ReturnType<typeof outboxRepository.claimDue>>[number];

import { type ExpressionBuilder, sql, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import type { Database, MailOutboxTable } from '../../db/schema';

type Claim = Pick<MailOutboxTable, 'claimed_at' | 'claimed_by'> & { id: number };

/** Due queued mail, or mail whose claim is older than the lease. */
function claimable(
  eb: ExpressionBuilder<Database, 'mail_outbox'>,
  claim: { now: string; staleBefore: string },
) {
  return eb.or([
    eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', claim.now)]),
    eb.and([
      eb('status', '=', 'sending'),
      eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', claim.staleBefore)]),
    ]),
  ]);
}

/** Restricts an update to a mail still being sent under this very claim. */
function ours<Q extends UpdateQueryBuilder<Database, 'mail_outbox', 'mail_outbox', UpdateResult>>(
  query: Q,
  mail: Claim,
): Q {
  if (mail.claimed_at === null || mail.claimed_by === null)
    throw new Error(`mail ${mail.id} was not claimed`);
  return query
    .where('id', '=', mail.id)
    .where('status', '=', 'sending')
    .where('claimed_by', '=', mail.claimed_by)
    .where('claimed_at', '=', mail.claimed_at) as Q;
}

export const outboxRepository = {
  async enqueue(
    db: DbOrTrx,
    values: Omit<
      MailOutboxTable,
      | 'id'
      | 'status'
      | 'attempts'
      | 'last_error'
      | 'next_attempt_at'
      | 'created_at'
      | 'sent_at'
      | 'claimed_at'
      | 'claimed_by'
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
   * Claims due mail for this owner: queued mail whose time has come, and mail whose claim is
   * older than `staleBefore` (its sender died). On PostgreSQL, inside the caller's transaction,
   * rows are locked with SKIP LOCKED first so several nodes share the work (a locking subquery
   * inside the update may be run again and claim past the limit); on SQLite one statement does it.
   */
  async claimDue(trx: DbOrTrx, claim: { owner: string; now: string; staleBefore: string }, limit: number) {
    const pick = trx
      .selectFrom('mail_outbox')
      .select('id')
      .where((eb) => claimable(eb, claim))
      .orderBy('id')
      .limit(limit);
    const ids = await adapterOf(trx).idsToClaim(pick);
    if (Array.isArray(ids) && ids.length === 0) return [];
    const rows = await trx
      .updateTable('mail_outbox')
      .set({ status: 'sending', claimed_at: claim.now, claimed_by: claim.owner })
      .where('id', 'in', ids)
      .where((eb) => claimable(eb, claim))
      .returningAll()
      .execute();
    return rows.sort((a, b) => a.id - b.id);
  },

  /** Marks a mail sent (or logged) if the claim is still ours; false when another process took it back. */
  async markSent(db: DbOrTrx, mail: Claim, status: 'sent' | 'logged', now: string): Promise<boolean> {
    const result = await ours(
      db
        .updateTable('mail_outbox')
        .set((eb) => ({ status, sent_at: now, attempts: eb('attempts', '+', 1), last_error: null })),
      mail,
    ).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Queues the mail again at `retryAt`, or fails it for good; only while the claim is ours. */
  async markFailed(db: DbOrTrx, mail: Claim, error: string, retryAt: string | null): Promise<boolean> {
    const result = await ours(
      db.updateTable('mail_outbox').set((eb) => ({
        status: retryAt ? 'queued' : 'failed',
        attempts: eb('attempts', '+', 1),
        last_error: error.slice(0, 1000),
        next_attempt_at: retryAt ?? sql<string>`next_attempt_at`,
        claimed_at: null,
        claimed_by: null,
      })),
      mail,
    ).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** A failed mail goes back to the queue with fresh attempts (an admin's retry). */
  async requeueFailed(db: DbOrTrx, id: number, now: string) {
    await db
      .updateTable('mail_outbox')
      .set({ status: 'queued', attempts: 0, next_attempt_at: now, claimed_at: null, claimed_by: null })
      .where('id', '=', id)
      .where('status', '=', 'failed')
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

  /** Mail not yet sent: how many wait (queued) or are being sent (sending), and when the oldest was queued. */
  async backlog(db: DbOrTrx): Promise<{ queued: number; sending: number; oldest: string | null }> {
    const rows = await db
      .selectFrom('mail_outbox')
      .select([
        'status',
        (eb) => eb.fn.countAll<number | string>().as('n'),
        (eb) => eb.fn.min('created_at').as('oldest'),
      ])
      .where('status', 'in', ['queued', 'sending'])
      .groupBy('status')
      .execute();
    const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
    const oldest =
      rows
        .map((r) => r.oldest)
        .filter((at): at is string => at !== null)
        .sort()[0] ?? null;
    return { queued: count('queued'), sending: count('sending'), oldest };
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
};

export type OutboxRow = Awaited<ReturnType<typeof outboxRepository.claimDue>>[number];

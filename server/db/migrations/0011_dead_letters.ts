import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * Background work that never blocks on one bad item, delivers mail once, and leaves history alone:
 * - `job_failures`: items a job could not process (a ticket event, a mail, a mailbox), with their
 *   attempts and next attempt; after the last attempt they stay as dead letters for an admin.
 * - `mail_outbox.claimed_at` / `claimed_by`: who is sending a mail since when, so only a claim
 *   older than the lease is taken back, and only its owner marks the mail sent or failed.
 * - `ticket_events.historic`: events written by seeding and back-fills; they never send mail.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await withId(db.schema.createTable('job_failures'), dialect)
    .addColumn('job', 'varchar(40)', (c) => c.notNull())
    .addColumn('item_key', 'varchar(80)', (c) => c.notNull())
    .addColumn('label', 'varchar(300)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text', (c) => c.notNull())
    .addColumn('next_attempt_at', t.timestamp, (c) => c.notNull())
    .addColumn('first_failed_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('job_failures_item_idx')
    .on('job_failures')
    .columns(['job', 'item_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('job_failures_due_idx')
    .on('job_failures')
    .columns(['job', 'status', 'next_attempt_at'])
    .execute();

  await db.schema.alterTable('mail_outbox').addColumn('claimed_at', t.timestamp).execute();
  await db.schema.alterTable('mail_outbox').addColumn('claimed_by', 'varchar(80)').execute();

  await db.schema
    .alterTable('ticket_events')
    .addColumn('historic', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.alterTable('ticket_events').dropColumn('historic').execute();
  await db.schema.alterTable('mail_outbox').dropColumn('claimed_by').execute();
  await db.schema.alterTable('mail_outbox').dropColumn('claimed_at').execute();
  await db.schema.dropTable('job_failures').ifExists().execute();
}

export const migration0011: Migration = { name: '0011_dead_letters', up, down };

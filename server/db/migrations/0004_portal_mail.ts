import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/** Sign-in links for the customer portal, and the durable outbox every outgoing mail goes through. */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('magic_links')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('used_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('magic_links_email_idx')
    .on('magic_links')
    .columns(['email', 'created_at'])
    .execute();

  await withId(db.schema.createTable('mail_outbox'), dialect)
    .addColumn('to_address', 'varchar(254)', (c) => c.notNull())
    .addColumn('subject', 'varchar(300)', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('headers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('ticket_id', 'integer')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('mail_outbox_due_idx')
    .on('mail_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('mail_outbox').ifExists().execute();
  await db.schema.dropTable('magic_links').ifExists().execute();
}

export const migration0004: Migration = { name: '0004_portal_mail', up, down };

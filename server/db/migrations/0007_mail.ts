import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * The email channel: mailboxes, every received message kept raw before it is acknowledged,
 * the Message-IDs that thread replies, spam rules, editable templates, and what the outbox
 * needs to send threaded mail from a mailbox and report failures on the ticket.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await withId(db.schema.createTable('mailboxes'), dialect)
    .addColumn('address', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(120)', (c) => c.notNull())
    .addColumn('default_team_id', 'integer', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('default_category_id', 'integer', (c) => c.references('categories.id').onDelete('set null'))
    .addColumn('signature', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('inbound_method', 'varchar(8)', (c) => c.notNull())
    .addColumn('imap', 'text')
    .addColumn('imap_claimed_until', t.timestamp)
    .addColumn('imap_last_polled_at', t.timestamp)
    .addColumn('imap_last_error', 'text')
    .addColumn('smtp_url', 'text')
    .addColumn('auto_ack', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('ack_subject', 'varchar(300)')
    .addColumn('ack_body', 'text')
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('inbound_mail'), dialect)
    .addColumn('mailbox_id', 'integer', (c) => c.references('mailboxes.id').onDelete('set null'))
    .addColumn('source', 'varchar(8)', (c) => c.notNull())
    .addColumn('envelope_from', 'varchar(254)')
    .addColumn('recipients', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('message_id', 'varchar(500)')
    .addColumn('sender', 'varchar(254)')
    .addColumn('subject', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('raw', t.binary, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('released', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id').onDelete('set null'))
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('processed_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('inbound_mail_message_id_idx')
    .on('inbound_mail')
    .column('message_id')
    .unique()
    .execute();
  await db.schema
    .createIndex('inbound_mail_status_idx')
    .on('inbound_mail')
    .columns(['status', 'id'])
    .execute();
  await db.schema
    .createIndex('inbound_mail_sender_idx')
    .on('inbound_mail')
    .columns(['sender', 'received_at'])
    .execute();

  await db.schema
    .createTable('mail_message_ids')
    .addColumn('message_id', 'varchar(500)', (c) => c.primaryKey())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('direction', 'varchar(8)', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mail_message_ids_ticket_idx')
    .on('mail_message_ids')
    .columns(['ticket_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('ticket_mail')
    .addColumn('ticket_id', 'integer', (c) => c.primaryKey().references('tickets.id').onDelete('cascade'))
    .addColumn('mailbox_id', 'integer', (c) => c.references('mailboxes.id').onDelete('set null'))
    .addColumn('cc', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await withId(db.schema.createTable('mail_rules'), dialect)
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('header', 'varchar(80)')
    .addColumn('pattern', 'varchar(254)', (c) => c.notNull())
    .addColumn('note', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mail_templates')
    .addColumn('key', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('subject', 'varchar(300)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('event_cursors')
    .addColumn('name', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('last_id', 'integer', (c) => c.notNull())
    .execute();

  for (const [name, type] of [
    ['from_address', 'varchar(254)'],
    ['from_name', 'varchar(120)'],
    ['cc', 'text'],
    ['mailbox_id', 'integer'],
    ['message_row_id', 'integer'],
    ['attachment_ids', 'text'],
    ['kind', 'varchar(40)'],
  ] as const) {
    await db.schema.alterTable('mail_outbox').addColumn(name, type).execute();
  }
  await db.schema.createIndex('mail_outbox_message_idx').on('mail_outbox').column('message_row_id').execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('mail_outbox_message_idx').ifExists().execute();
  for (const name of [
    'from_address',
    'from_name',
    'cc',
    'mailbox_id',
    'message_row_id',
    'attachment_ids',
    'kind',
  ]) {
    await db.schema.alterTable('mail_outbox').dropColumn(name).execute();
  }
  for (const table of [
    'event_cursors',
    'mail_templates',
    'mail_rules',
    'ticket_mail',
    'mail_message_ids',
    'inbound_mail',
    'mailboxes',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}

export const migration0007: Migration = { name: '0007_mail', up, down };

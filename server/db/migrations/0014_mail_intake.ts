import type { Kysely } from 'kysely';
import type { Dialect, Migration } from './helpers';

/**
 * A Message-ID alone no longer decides that a mail is a duplicate: real mailers reuse them
 * (templates, broken clients, resent mail). A received mail is a duplicate only when its
 * Message-ID and the fingerprint of its content both match one kept before; a different mail
 * with a known Message-ID is kept and marked as a clash. Outgoing Message-IDs remember the
 * outbox mail that carried them, so a delivery report can be tied to the reply that bounced.
 */
async function up(db: Kysely<unknown>, _dialect: Dialect) {
  await db.schema.alterTable('inbound_mail').addColumn('fingerprint', 'varchar(64)').execute();
  await db.schema
    .alterTable('inbound_mail')
    .addColumn('message_id_clash', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.dropIndex('inbound_mail_message_id_idx').execute();
  await db.schema
    .createIndex('inbound_mail_message_id_idx')
    .on('inbound_mail')
    .columns(['message_id', 'fingerprint'])
    .unique()
    .execute();
  await db.schema.alterTable('mail_message_ids').addColumn('outbox_id', 'integer').execute();
}

async function down(db: Kysely<unknown>, _dialect: Dialect) {
  await db.schema.alterTable('mail_message_ids').dropColumn('outbox_id').execute();
  await db.schema.dropIndex('inbound_mail_message_id_idx').execute();
  await db.schema.alterTable('inbound_mail').dropColumn('message_id_clash').execute();
  await db.schema.alterTable('inbound_mail').dropColumn('fingerprint').execute();
  await db.schema
    .createIndex('inbound_mail_message_id_idx')
    .on('inbound_mail')
    .column('message_id')
    .unique()
    .execute();
}

export const migration0014: Migration = { name: '0014_mail_intake', up, down };

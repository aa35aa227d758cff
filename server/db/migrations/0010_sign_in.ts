import type { Kysely } from 'kysely';
import type { Dialect, Migration } from './helpers';

/**
 * Sign-in hardening: the last two-factor time step a user spent (a code works once), and the
 * address a sign-in link was asked from (links are limited per requester, not only per address).
 */
async function up(db: Kysely<unknown>, _dialect: Dialect) {
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
  await db.schema.alterTable('magic_links').addColumn('requester_ip', 'varchar(64)').execute();
  await db.schema
    .createIndex('magic_links_requester_idx')
    .on('magic_links')
    .columns(['requester_ip', 'created_at'])
    .execute();
}

async function down(db: Kysely<unknown>, _dialect: Dialect) {
  await db.schema.dropIndex('magic_links_requester_idx').ifExists().execute();
  await db.schema.alterTable('magic_links').dropColumn('requester_ip').execute();
  await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
}

export const migration0010: Migration = { name: '0010_sign_in', up, down };

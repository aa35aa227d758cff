import type { Kysely } from 'kysely';
import type { Dialect, Migration } from './helpers';

/** A team may work to a business-hours calendar of its own; service-level clocks of its tickets count in it. */
async function up(db: Kysely<unknown>, _dialect: Dialect) {
  await db.schema
    .alterTable('teams')
    .addColumn('calendar_id', 'integer', (c) => c.references('business_calendars.id').onDelete('set null'))
    .execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.alterTable('teams').dropColumn('calendar_id').execute();
}

export const migration0027: Migration = { name: '0027_team_calendars', up, down };

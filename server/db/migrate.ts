import { type Kysely, type Migration as KyselyMigration, type MigrationResultSet, Migrator } from 'kysely';
import type { DatabaseHandle } from './database';
import { migration0001 } from './migrations/0001_platform';
import { migration0002 } from './migrations/0002_customers';
import { migration0003 } from './migrations/0003_tickets';
import { migration0004 } from './migrations/0004_portal_mail';
import { migration0005 } from './migrations/0005_customer_search';
import { migration0006 } from './migrations/0006_open_tickets';
import { migration0007 } from './migrations/0007_mail';
import { migration0008 } from './migrations/0008_ticket_row_cache';
import { migration0009 } from './migrations/0009_sort_indexes';
import { migration0010 } from './migrations/0010_sign_in';
import { migration0011 } from './migrations/0011_dead_letters';
import { migration0012 } from './migrations/0012_trusted_copies';
import { migration0014 } from './migrations/0014_mail_intake';
import { migration0015 } from './migrations/0015_conversation_stamps';
import { migration0018 } from './migrations/0018_filter_indexes';
import { migration0023 } from './migrations/0023_search_words';
import { migration0024 } from './migrations/0024_business_hours';
import { migration0025 } from './migrations/0025_sla';
import { migration0026 } from './migrations/0026_contracts';
import { migration0027 } from './migrations/0027_team_calendars';
import { migration0028 } from './migrations/0028_reply_recipients';
import { migration0029 } from './migrations/0029_replying';
import { migration0030 } from './migrations/0030_files_for_new_requests';
import { migration0031 } from './migrations/0031_customer_mail_preferences';
import { migration0032 } from './migrations/0032_side_conversations';
import { migration0033 } from './migrations/0033_macros';
import { migration0034 } from './migrations/0034_routing';
import { migration0035 } from './migrations/0035_automation';
import { migration0036 } from './migrations/0036_feedback';
import { migration0037 } from './migrations/0037_nps_campaigns';
import { migration0038 } from './migrations/0038_feedback_loop';
import { migration0039 } from './migrations/0039_reports';
import { migration0040 } from './migrations/0040_board_data_quality';
import { migration0041 } from './migrations/0041_testimonials_referrals';
import { migration0042 } from './migrations/0042_spike_alerts';
import { migration0043 } from './migrations/0043_goals';
import { migration0044 } from './migrations/0044_report_delivery';
import { migration0045 } from './migrations/0045_nps_answer_loop';
import { migration0046 } from './migrations/0046_report_dimensions';
import { migration0047 } from './migrations/0047_open_ticket_counts';
import { migration0048 } from './migrations/0048_team_created_index';
import { migration0049 } from './migrations/0049_report_grains';
import { migration0050 } from './migrations/0050_time_entries';
import { migration0051 } from './migrations/0051_open_counts_slot_per_transaction';
import { migration0052 } from './migrations/0052_tickets_load_idx';
import type { Migration } from './migrations/helpers';

/** Every migration, in order. Add new ones at the end; never edit a released one. */
export const migrations: Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0014,
  migration0015,
  migration0018,
  migration0023,
  migration0024,
  migration0025,
  migration0026,
  migration0027,
  migration0028,
  migration0029,
  migration0030,
  migration0031,
  migration0032,
  migration0033,
  migration0034,
  migration0035,
  migration0036,
  migration0037,
  migration0038,
  migration0039,
  migration0040,
  migration0041,
  migration0042,
  migration0043,
  migration0044,
  migration0045,
  migration0046,
  migration0047,
  migration0048,
  migration0049,
  migration0050,
  migration0051,
  migration0052,
];

export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationResultSet> {
  const provider = {
    async getMigrations(): Promise<Record<string, KyselyMigration>> {
      const out: Record<string, KyselyMigration> = {};
      for (const m of migrations) {
        out[m.name] = {
          up: (db: Kysely<unknown>) => m.up(db, handle.adapter.migration),
          down: (db: Kysely<unknown>) => m.down(db, handle.adapter.migration),
        };
      }
      return out;
    },
  };
  const migrator = new Migrator({
    db: handle.db,
    provider,
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return result;
}

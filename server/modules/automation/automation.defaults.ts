import type { Action, Conditions } from '../../../contracts/automation';
import type { DbOrTrx } from '../../db/database';
import { nowIso } from '../../platform/clock';
import { automationRepository as repo } from './automation.repository';

/** The default automation: solved tickets close after the days of the setting `tickets.autoCloseDays`. */
export const AUTO_CLOSE_KEY = 'auto_close';
const conditions: Conditions = {
  all: [
    { field: 'status', operator: 'is', value: 'solved' },
    { field: 'hours_since_solved', operator: 'at_least', value: 96, businessHours: false },
  ],
  any: [],
};
const actions: Action[] = [{ type: 'set', field: 'status', value: 'closed' }];

/**
 * Makes sure the default automation exists (migration 0035 adds it; a database whose tables
 * were emptied gets it back), before the automations are listed or run.
 */
export async function ensureDefaultAutomation(db: DbOrTrx): Promise<void> {
  if (await repo.hasDefault(db, AUTO_CLOSE_KEY)) return;
  const now = nowIso();
  await repo.ensureDefault(db, {
    name: 'Close solved tickets',
    active: 1,
    position: 0,
    kind: AUTO_CLOSE_KEY,
    system_key: AUTO_CLOSE_KEY,
    conditions: JSON.stringify(conditions),
    actions: JSON.stringify(actions),
    last_run_at: null,
    created_at: now,
    updated_at: now,
  });
}

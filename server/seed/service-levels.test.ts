import { expect, it } from 'vitest';
import { describeApi } from '../../test/helpers/app';
import { loadConfig } from '../config';
import { parseClocksForTest } from '../modules/sla';
import { seedDemo } from './demo';
import { DETAILED_DAYS } from './history';
import { arrivals } from './routing';
import { SPIKE_TICKETS } from './spikes';

describeApi('demo service levels', (t) => {
  it('puts every ticket under a policy, on an office calendar, with clocks in every state', async () => {
    await seedDemo(t.handle, loadConfig({}), { days: DETAILED_DAYS });
    const policies = await t.handle.db
      .selectFrom('sla_policies')
      .select('name')
      .orderBy('position')
      .execute();
    expect(policies.map((p) => p.name)).toEqual(['Complaints', 'Premium', 'Standard']);
    const calendar = await t.handle.db
      .selectFrom('business_calendars')
      .select(['name', 'is_default'])
      .execute();
    expect(calendar).toEqual([{ name: 'London office', is_default: 1 }]);
    const rows = await t.handle.db.selectFrom('ticket_sla').select(['clocks', 'policy_id']).execute();
    // The demo's tickets, the two solved without a reply, the new ones routed and the spike's burst.
    expect(rows).toHaveLength(2000 + 2 + arrivals.length + SPIKE_TICKETS);
    const outcomes = new Set<string>();
    for (const row of rows)
      for (const c of parseClocksForTest(row.clocks))
        outcomes.add(
          c.stoppedAt !== null
            ? `${c.outcome}`
            : c.runningSince === null
              ? 'paused'
              : c.breachedAt
                ? 'late'
                : 'running',
        );
    for (const state of ['achieved', 'breached_then_achieved', 'breached', 'paused', 'late', 'running'])
      expect(outcomes, state).toContain(state);
    // Open tickets carry their next due time, for lists sorted by what breaches next.
    const open = await t.handle.db
      .selectFrom('tickets')
      .select(['sla_metric', 'sla_due_at'])
      .where('is_open', '=', 1)
      .where('status', '!=', 'pending')
      .where('status', '!=', 'on_hold')
      .execute();
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((t) => t.sla_metric !== null)).toBe(true);
    const contracts = await t.handle.db.selectFrom('contracts').select(['plan', 'ends_on']).execute();
    expect(contracts).toHaveLength(14);
    const today = new Date().toISOString().slice(0, 10);
    expect(contracts.some((c) => c.ends_on < today)).toBe(true);
    const history = await t.handle.db.selectFrom('sla_events').select('type').distinct().execute();
    expect(history.map((h) => h.type)).toEqual(
      expect.arrayContaining(['policy_applied', 'started', 'achieved', 'breached']),
    );
  }, 120_000);
});

import { expect, it } from 'vitest';
import type { Automation, Trigger } from '../../contracts/automation';
import { describeApi } from '../../test/helpers/app';
import { loadConfig } from '../config';
import { seedDemo } from './demo';
import { DETAILED_DAYS } from './history';

describeApi('demo triggers and automations', (t) => {
  it('the demo department has 8 triggers, 3 automations and past firings in its tickets', async () => {
    // The detailed 90 days only: the longer history is checked in demo.test.ts.
    await seedDemo(t.handle, loadConfig({}), { days: DETAILED_DAYS });
    const manager = await t.signIn('manager');
    const triggers = (await t.request(manager, { method: 'GET', url: '/api/v1/triggers' })).json()
      .data as Trigger[];
    expect(triggers).toHaveLength(8);
    expect(triggers[0]!.description).toBe(
      'When a ticket is created and type is complaint, set priority to high and move it to Key Accounts',
    );
    const automations = (await t.request(manager, { method: 'GET', url: '/api/v1/automations' })).json()
      .data as Automation[];
    expect(automations.map((a) => a.kind).sort()).toEqual(['auto_close', 'custom', 'custom']);
    expect(triggers.reduce((n, x) => n + x.firedCount, 0)).toBeGreaterThan(3);
    const fired = await t.handle.db
      .selectFrom('ticket_events')
      .select(['ticket_id', 'historic'])
      .where('type', '=', 'trigger_fired')
      .execute();
    expect(fired.length).toBeGreaterThan(3);
    expect(fired.every((e) => e.historic === 1)).toBe(true);
    // Seeding the whole department: as long as the other seed tests allow.
  }, 120_000);
});

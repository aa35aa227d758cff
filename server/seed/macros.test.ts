import { expect, it } from 'vitest';
import type { Macro } from '../../contracts/macros';
import { describeApi } from '../../test/helpers/app';
import { loadConfig } from '../config';
import { DEMO_PASSWORD, seedDemo } from './demo';
import { DETAILED_DAYS } from './history';

describeApi('demo macros', (t) => {
  it('gives the department 15 macros: shared, per team and personal, with changes, uses and a few to clean up', async () => {
    // The detailed 90 days only: the longer history is checked in demo.test.ts.
    await seedDemo(t.handle, loadConfig({}), { days: DETAILED_DAYS });
    const rows = await t.handle.db
      .selectFrom('macros')
      .select(['name', 'visibility', 'team_id', 'owner_id', 'actions', 'usage_count', 'last_used_at'])
      .execute();
    expect(rows).toHaveLength(15);
    const by = (visibility: string) => rows.filter((r) => r.visibility === visibility);
    expect(by('shared').length).toBeGreaterThanOrEqual(5);
    expect(new Set(by('team').map((r) => r.team_id)).size).toBe(3);
    expect(by('personal').every((r) => r.owner_id !== null)).toBe(true);
    expect(rows.filter((r) => r.actions !== '{}').length).toBeGreaterThanOrEqual(8);
    expect(rows.filter((r) => r.usage_count > 100).length).toBeGreaterThanOrEqual(3);

    // A manager sees the shared and every team's macros; three of them wait for clean-up.
    const login = await t.login('morgan@steward.example', DEMO_PASSWORD);
    const cookie = login.cookies.find((c) => c.name === 'steward_session')!;
    const unused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/macros?unused=true',
      headers: { cookie: `steward_session=${cookie.value}` },
    });
    expect(unused.statusCode, unused.body).toBe(200);
    const names = (unused.json().data as Macro[]).map((m) => m.name);
    expect(names).toEqual(['Closing: no reply from the customer', 'Coffee machine error E3: reset steps']);
  }, 120_000);
});

import path from 'node:path';
import { expect, inject, it } from 'vitest';
import type { User } from '../../../contracts/users';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { createDatabase } from '../../db/database';

// Pages of users are kept while users, teams and memberships are unchanged (users.service.ts);
// whatever changes what a page shows, through the API or another connection, shows next time.
describeApi('user pages stay fresh', (t) => {
  const page = async (auth: Auth) => {
    const res = await t.request(auth, { method: 'GET', url: '/api/v1/users?limit=50' });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { data: User[] }).data;
  };
  const send = async (auth: Auth, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
    const res = await t.request(auth, { method, url, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return (res.body ? res.json() : {}) as { id: number };
  };
  const byId = async (auth: Auth, id: number) => (await page(auth)).find((u) => u.id === id);

  it('shows changes to a user, a team name and memberships on the next page', async () => {
    const admin = await t.signIn('admin');
    const agent = await t.signIn('agent', { name: 'Ada Agent' });
    expect(await byId(admin, agent.userId)).toMatchObject({ name: 'Ada Agent', teams: [] });
    expect(await byId(admin, agent.userId)).toMatchObject({ name: 'Ada Agent' });

    await send(admin, 'PATCH', `/api/v1/users/${agent.userId}`, { name: 'Ada Lovelace' });
    expect(await byId(admin, agent.userId)).toMatchObject({ name: 'Ada Lovelace' });

    const team = await send(admin, 'POST', '/api/v1/teams', { name: 'Billing', memberIds: [agent.userId] });
    expect((await byId(admin, agent.userId))?.teams).toEqual([{ id: team.id, name: 'Billing' }]);

    await send(admin, 'PATCH', `/api/v1/teams/${team.id}`, { name: 'Billing desk' });
    expect((await byId(admin, agent.userId))?.teams).toEqual([{ id: team.id, name: 'Billing desk' }]);

    await send(admin, 'DELETE', `/api/v1/teams/${team.id}`);
    expect((await byId(admin, agent.userId))?.teams).toEqual([]);

    await send(admin, 'PATCH', `/api/v1/users/${agent.userId}`, { status: 'deactivated' });
    // The default page lists active users only.
    expect(await byId(admin, agent.userId)).toBeUndefined();
  });

  it('shows a change another process made to the same database', async () => {
    const admin = await t.signIn('admin');
    const agent = await t.signIn('agent', { name: 'Ben Before' });
    expect(await byId(admin, agent.userId)).toMatchObject({ name: 'Ben Before' });
    const other =
      t.dialect === 'sqlite'
        ? createDatabase({ dialect: 'sqlite', filename: path.join(t.dataDir, 'test.db') })
        : createDatabase({ dialect: 'postgres', url: inject('postgresUrl')! }, { pgSchema: t.handle.schema });
    try {
      await other.db.updateTable('users').set({ name: 'Ben After' }).where('id', '=', agent.userId).execute();
    } finally {
      await other.destroy();
    }
    expect(await byId(admin, agent.userId)).toMatchObject({ name: 'Ben After' });
  });
});

import { expect, it } from 'vitest';
import type { Team } from '../../../contracts/teams';
import { describeApi } from '../../../test/helpers/app';
import { insertUser } from '../../seed/factories';

describeApi('teams', (t) => {
  const agent = (email: string, name: string) => insertUser(t.handle.db, { email, name, role: 'agent' });

  it('creates a team with members and a lead; the lead becomes a member', async () => {
    const manager = await t.signIn('manager');
    const a = await agent('a@test.example', 'Ann A');
    const b = await agent('b@test.example', 'Bo B');
    const res = await t.request(manager, {
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'Frontline', description: 'First contact', memberIds: [a], leadId: b },
    });
    expect(res.statusCode).toBe(201);
    const team = res.json() as Team;
    expect(team.lead).toMatchObject({ id: b, name: 'Bo B', initials: 'BB' });
    expect(team.members.map((m) => m.id).sort()).toEqual([a, b].sort());
    const user = await t.request(manager, { method: 'GET', url: `/api/v1/users/${a}` });
    expect(user.json().teams).toEqual([{ id: team.id, name: 'Frontline' }]);
  });

  it('refuses duplicate names, unknown members and customers as members', async () => {
    const admin = await t.signIn('admin');
    await t.request(admin, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Billing' } });
    const dup = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'Billing' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('TEAM_NAME_TAKEN');
    const ghost = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'Ghosts', memberIds: [9999] },
    });
    expect(ghost.statusCode).toBe(400);
    const customer = await insertUser(t.handle.db, {
      email: 'c@test.example',
      name: 'Cus Tomer',
      role: 'customer',
    });
    const withCustomer = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'Mixed', leadId: customer },
    });
    expect(withCustomer.statusCode).toBe(400);
    expect(withCustomer.json().error.details[0].path).toEqual(['leadId']);
    expect(await t.handle.db.selectFrom('teams').select('id').execute()).toHaveLength(1);
  });

  it('updates members and lead, records before/after, and deletes', async () => {
    const admin = await t.signIn('admin');
    const a = await agent('a@test.example', 'Ann A');
    const b = await agent('b@test.example', 'Bo B');
    const created = (
      await t.request(admin, {
        method: 'POST',
        url: '/api/v1/teams',
        payload: { name: 'Tech', memberIds: [a] },
      })
    ).json();
    const updated = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/teams/${created.id}`,
      payload: { name: 'Technical', memberIds: [b], leadId: b },
    });
    expect(updated.json()).toMatchObject({ name: 'Technical', lead: { id: b }, members: [{ id: b }] });
    const audit = await t.request(admin, {
      method: 'GET',
      url: `/api/v1/audit-log?entityType=team&entityId=${created.id}&action=team.updated`,
    });
    expect(audit.json().data[0].changes).toEqual({
      name: { before: 'Tech', after: 'Technical' },
      lead: { before: null, after: 'Bo B' },
      members: { before: ['Ann A'], after: ['Bo B'] },
    });
    expect(
      (await t.request(admin, { method: 'DELETE', url: `/api/v1/teams/${created.id}` })).statusCode,
    ).toBe(204);
    expect(
      (await t.request(admin, { method: 'GET', url: `/api/v1/teams/${created.id}` })).json().error.code,
    ).toBe('TEAM_NOT_FOUND');
  });

  it('agents read teams but cannot change them', async () => {
    const admin = await t.signIn('admin');
    const reader = await t.signIn('agent');
    await t.request(admin, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Readable' } });
    const list = await t.request(reader, { method: 'GET', url: '/api/v1/teams' });
    expect(list.json().data.map((team: Team) => team.name)).toEqual(['Readable']);
    expect(
      (await t.request(reader, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Nope' } }))
        .statusCode,
    ).toBe(403);
  });

  it('pages teams by name', async () => {
    const admin = await t.signIn('admin');
    for (const name of ['Delta', 'Alpha', 'Charlie', 'Bravo']) {
      await t.request(admin, { method: 'POST', url: '/api/v1/teams', payload: { name } });
    }
    const first = (await t.request(admin, { method: 'GET', url: '/api/v1/teams?limit=3' })).json();
    expect(first.data.map((team: Team) => team.name)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    const next = (
      await t.request(admin, { method: 'GET', url: `/api/v1/teams?limit=3&cursor=${first.nextCursor}` })
    ).json();
    expect(next.data.map((team: Team) => team.name)).toEqual(['Delta']);
    expect(next.nextCursor).toBeNull();
  });
});

import { expect, it } from 'vitest';
import type { AuditEntry } from '../../../contracts/audit';
import { describeApi } from '../../../test/helpers/app';

describeApi('audit log', (t) => {
  it('filters by actor, entity, action and date, newest first, by cursor', async () => {
    const admin = await t.signIn('admin');
    const manager = await t.signIn('manager');
    await t.request(admin, { method: 'POST', url: '/api/v1/teams', payload: { name: 'One' } });
    await t.request(manager, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Two' } });
    await t.request(manager, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Three' } });

    const byManager = await t.request(admin, {
      method: 'GET',
      url: `/api/v1/audit-log?actorType=user&actorId=${manager.userId}&action=team.created`,
    });
    expect(byManager.json().data.map((e: AuditEntry) => e.changes.name?.after)).toEqual(['Three', 'Two']);

    const paged = await t.request(admin, { method: 'GET', url: '/api/v1/audit-log?entityType=team&limit=2' });
    expect(paged.json().data).toHaveLength(2);
    const rest = await t.request(admin, {
      method: 'GET',
      url: `/api/v1/audit-log?entityType=team&limit=2&cursor=${paged.json().nextCursor}`,
    });
    expect(rest.json().data.map((e: AuditEntry) => e.changes.name?.after)).toEqual(['One']);

    const future = await t.request(admin, {
      method: 'GET',
      url: '/api/v1/audit-log?from=2999-01-01T00:00:00Z',
    });
    expect(future.json().data).toEqual([]);
    const past = await t.request(admin, { method: 'GET', url: '/api/v1/audit-log?to=2000-01-01T00:00:00Z' });
    expect(past.json().data).toEqual([]);
    const badDate = await t.request(admin, { method: 'GET', url: '/api/v1/audit-log?from=yesterday' });
    expect(badDate.statusCode).toBe(400);
  });

  it('agents cannot read it', async () => {
    const agent = await t.signIn('agent');
    expect((await t.request(agent, { method: 'GET', url: '/api/v1/audit-log' })).statusCode).toBe(403);
  });
});

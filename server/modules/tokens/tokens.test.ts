import { expect, it } from 'vitest';
import type { ApiToken } from '../../../contracts/tokens';
import { describeApi } from '../../../test/helpers/app';

describeApi('api tokens', (t) => {
  it('shows the secret once, stores only its hash, authenticates with its role and records last use', async () => {
    const admin = await t.signIn('admin');
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/api-tokens',
      payload: { name: 'CRM sync', role: 'agent' },
    });
    expect(res.statusCode).toBe(201);
    const { token, secret } = res.json() as { token: ApiToken; secret: string };
    expect(secret).toMatch(/^stw_/);
    expect(token).toMatchObject({
      name: 'CRM sync',
      role: 'agent',
      lastUsedAt: null,
      createdBy: { id: admin.userId },
    });
    const stored = await t.handle.db.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(secret);

    const bearer = { kind: 'token', token: secret } as const;
    expect((await t.request(bearer, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(200);
    expect(
      (await t.request(bearer, { method: 'POST', url: '/api/v1/teams', payload: { name: 'X' } })).statusCode,
    ).toBe(403);
    const list = await t.request(admin, { method: 'GET', url: '/api/v1/api-tokens' });
    expect(list.json().data[0].lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.json())).not.toContain(secret);
  });

  it('a revoked token stops working at once', async () => {
    const admin = await t.signIn('admin');
    const { token, secret } = (
      await t.request(admin, {
        method: 'POST',
        url: '/api/v1/api-tokens',
        payload: { name: 'Old', role: 'admin' },
      })
    ).json();
    const revoked = await t.request(admin, { method: 'DELETE', url: `/api/v1/api-tokens/${token.id}` });
    expect(revoked.json().revokedAt).not.toBeNull();
    const res = await t.request({ kind: 'token', token: secret }, { method: 'GET', url: '/api/v1/users' });
    expect(res.statusCode).toBe(401);
    const active = await t.request(admin, { method: 'GET', url: '/api/v1/api-tokens' });
    expect(active.json().data).toHaveLength(0);
    const all = await t.request(admin, { method: 'GET', url: '/api/v1/api-tokens?status=all' });
    expect(all.json().data).toHaveLength(1);
  });

  it('writes through a token are audited as the token', async () => {
    const token = await t.tokenFor('admin');
    await t.request(token, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Via API' } });
    const entry = await t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'team.created')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_type: 'token', actor_name: 'test admin' });
  });

  it('a malformed bearer header is refused', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { authorization: 'Bearer nonsense' },
    });
    expect(res.statusCode).toBe(401);
  });
});

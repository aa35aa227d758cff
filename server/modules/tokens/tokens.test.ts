import { expect, it } from 'vitest';
import type { ApiToken } from '../../../contracts/tokens';
import { type Auth, describeApi } from '../../../test/helpers/app';

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

  it('a token in use stops working at once when revoked or when its owner is deactivated, wherever that is written', async () => {
    const admin = await t.signIn('admin');
    const make = async (name: string) =>
      (
        await t.request(admin, {
          method: 'POST',
          url: '/api/v1/api-tokens',
          payload: { name, role: 'agent' },
        })
      ).json() as { token: ApiToken; secret: string };
    const use = (secret: string) =>
      t.request({ kind: 'token', token: secret }, { method: 'GET', url: '/api/v1/users' });
    const revokedHere = await make('Revoked here');
    expect((await use(revokedHere.secret)).statusCode).toBe(200);
    expect((await use(revokedHere.secret)).statusCode).toBe(200);
    await t.request(admin, { method: 'DELETE', url: `/api/v1/api-tokens/${revokedHere.token.id}` });
    expect((await use(revokedHere.secret)).statusCode).toBe(401);

    // The owner deactivated: every token they made acts as nothing.
    const ownerSignIn = await t.signIn('admin', { email: 'owner-admin@steward.test' });
    const owned = (
      await t.request(ownerSignIn, {
        method: 'POST',
        url: '/api/v1/api-tokens',
        payload: { name: 'Owned', role: 'agent' },
      })
    ).json() as { secret: string };
    expect((await use(owned.secret)).statusCode).toBe(200);
    await t.handle.db
      .updateTable('users')
      .set({ deactivated_at: new Date().toISOString() })
      .where('id', '=', ownerSignIn.userId)
      .execute();
    expect((await use(owned.secret)).statusCode).toBe(401);

    // Revoked by another process (a second connection to the same database file).
    const elsewhere = await make('Revoked elsewhere');
    expect((await use(elsewhere.secret)).statusCode).toBe(200);
    const other = t.otherConnection();
    await other.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', elsewhere.token.id)
      .execute();
    await other.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    expect((await use(elsewhere.secret)).statusCode).toBe(401);
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

describeApi('api tokens and their owner', (t) => {
  async function tokenOf(admin: Extract<Auth, { kind: 'session' }>, role: 'admin' | 'agent' = 'admin') {
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/api-tokens',
      payload: { name: `Sync ${role}`, role },
    });
    return res.json() as { token: ApiToken; secret: string };
  }
  const setStatus = (by: Auth, id: number, status: 'active' | 'deactivated') =>
    t.request(by, { method: 'PATCH', url: `/api/v1/users/${id}`, payload: { status } });

  it('deactivating the admin who made a token stops it at once; reactivating restores it', async () => {
    const owner = await t.signIn('admin');
    const other = await t.signIn('admin');
    const { token, secret } = await tokenOf(owner);
    const bearer = { kind: 'token', token: secret } as const;
    expect((await t.request(bearer, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(200);

    expect((await setStatus(other, owner.userId, 'deactivated')).statusCode).toBe(200);
    const refused = await t.request(bearer, { method: 'GET', url: '/api/v1/users' });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('UNAUTHENTICATED');

    // Another admin sees it as suspended, finds it by its owner and can revoke it.
    const listed = (
      await t.request(other, { method: 'GET', url: `/api/v1/api-tokens?createdBy=${owner.userId}` })
    ).json().data as ApiToken[];
    expect(listed).toEqual([
      expect.objectContaining({
        id: token.id,
        suspended: true,
        createdBy: expect.objectContaining({ active: false }),
      }),
    ]);

    expect((await setStatus(other, owner.userId, 'active')).statusCode).toBe(200);
    expect((await t.request(bearer, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(200);
    expect(
      (await t.request(other, { method: 'DELETE', url: `/api/v1/api-tokens/${token.id}` })).statusCode,
    ).toBe(200);
    expect((await t.request(bearer, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
  });

  it('a token never does more than its owner may do now', async () => {
    const owner = await t.signIn('admin');
    const other = await t.signIn('admin');
    const { secret } = await tokenOf(owner);
    const bearer = { kind: 'token', token: secret } as const;
    expect((await t.request(bearer, { method: 'GET', url: '/api/v1/api-tokens' })).statusCode).toBe(200);
    await t.request(other, {
      method: 'PATCH',
      url: `/api/v1/users/${owner.userId}`,
      payload: { role: 'agent' },
    });
    expect((await t.request(bearer, { method: 'GET', url: '/api/v1/api-tokens' })).statusCode).toBe(403);
    expect((await t.request(bearer, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(200);
  });

  it('tokens made on the command line have no owner and keep their role', async () => {
    const token = await t.tokenFor('admin');
    expect((await t.request(token, { method: 'GET', url: '/api/v1/api-tokens' })).statusCode).toBe(200);
    const admin = await t.signIn('admin');
    const listed = (await t.request(admin, { method: 'GET', url: '/api/v1/api-tokens' })).json()
      .data as ApiToken[];
    expect(listed[0]).toMatchObject({ createdBy: null, suspended: false });
  });
});

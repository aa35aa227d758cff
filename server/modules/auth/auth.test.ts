import { describe, expect, it } from 'vitest';
import { describeApi, sessionFrom, TEST_PASSWORD } from '../../../test/helpers/app';
import { currentTotp } from '../../platform/totp';
import { insertUser } from '../../seed/factories';

describeApi('auth', (t) => {
  const newUser = (email = 'ann@test.example', role: 'agent' | 'admin' = 'agent') =>
    insertUser(t.handle.db, { email, name: 'Ann Agent', role, password: TEST_PASSWORD });

  describe('login', () => {
    it('signs in, sets httpOnly SameSite cookies and answers /auth/me', async () => {
      const id = await newUser();
      const res = await t.login('ANN@test.example', TEST_PASSWORD);
      expect(res.statusCode).toBe(200);
      const session = res.cookies.find((c) => c.name === 'steward_session');
      expect(session?.httpOnly).toBe(true);
      expect(session?.sameSite).toBe('Lax');
      expect(res.cookies.find((c) => c.name === 'steward_csrf')?.httpOnly).toBeFalsy();
      const me = await t.request(sessionFrom(res, id), { method: 'GET', url: '/api/v1/auth/me' });
      expect(me.json()).toMatchObject({
        user: { id, email: 'ann@test.example', role: 'agent' },
        token: null,
      });
    });

    it('refuses a wrong password and an unknown email with the same error', async () => {
      await newUser();
      const wrong = await t.login('ann@test.example', 'not-the-password');
      const unknown = await t.login('nobody@test.example', 'not-the-password');
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
      expect(unknown.json().error).toEqual(wrong.json().error);
    });

    it('locks the account after repeated failures, even for the right password', async () => {
      await newUser();
      for (let i = 0; i < 5; i += 1)
        expect((await t.login('ann@test.example', 'wrong-password')).statusCode).toBe(401);
      const locked = await t.login('ann@test.example', TEST_PASSWORD);
      expect(locked.statusCode).toBe(401);
      expect(locked.json().error.code).toBe('INVALID_CREDENTIALS');
      const audit = await t.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'auth.locked')
        .execute();
      expect(audit).toHaveLength(1);
    });

    it('rejects malformed and over-long input without touching the database', async () => {
      await newUser();
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'ann@test.example', password: 'x'.repeat(201) },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION_FAILED');
      const json = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"email":',
      });
      expect(json.statusCode).toBe(400);
      expect(json.json().error.code).toBe('INVALID_JSON');
      const user = await t.handle.db.selectFrom('users').select('failed_logins').executeTakeFirstOrThrow();
      expect(user.failed_logins).toBe(0);
    });

    it('refuses deactivated users', async () => {
      const id = await newUser();
      await t.handle.db
        .updateTable('users')
        .set({ deactivated_at: new Date().toISOString() })
        .where('id', '=', id)
        .execute();
      expect((await t.login('ann@test.example', TEST_PASSWORD)).statusCode).toBe(401);
    });
  });

  describe('sessions', () => {
    it('logout ends the session on the server', async () => {
      const s = await t.signIn('agent');
      expect((await t.request(s, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(200);
      expect((await t.request(s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    });

    it('cookie writes need the CSRF header; bearer tokens do not', async () => {
      const s = await t.signIn('admin');
      const noCsrf = await t.request(s, {
        method: 'POST',
        url: '/api/v1/teams',
        headers: { 'x-csrf-token': 'wrong' },
        payload: { name: 'Billing' },
      });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json().error.code).toBe('CSRF_INVALID');
      const token = await t.tokenFor('admin');
      expect(
        (await t.request(token, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Billing' } }))
          .statusCode,
      ).toBe(201);
    });

    it('an expired session is not accepted', async () => {
      const s = await t.signIn('agent');
      await t.handle.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
      expect((await t.request(s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    });

    it('lists my sessions and revokes another one', async () => {
      const first = await t.signIn('agent', { email: 'multi@test.example' });
      const second = sessionFrom(await t.login('multi@test.example', TEST_PASSWORD), first.userId);
      const list = await t.request(first, { method: 'GET', url: '/api/v1/me/sessions' });
      const sessions = list.json().data as { id: string; current: boolean }[];
      expect(sessions).toHaveLength(2);
      const other = sessions.find((s) => !s.current)!;
      expect(
        (await t.request(first, { method: 'DELETE', url: `/api/v1/me/sessions/${other.id}` })).statusCode,
      ).toBe(200);
      expect((await t.request(second, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
      expect((await t.request(first, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    });

    it("cannot revoke someone else's session", async () => {
      const mine = await t.signIn('agent');
      await t.signIn('agent', { email: 'victim@test.example' });
      const victim = await t.handle.db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select('sessions.id')
        .where('users.email', '=', 'victim@test.example')
        .executeTakeFirstOrThrow();
      const res = await t.request(mine, { method: 'DELETE', url: `/api/v1/me/sessions/${victim.id}` });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('profile', () => {
    it('changes the password, ending other sessions, and rejects a wrong current password', async () => {
      const s = await t.signIn('agent', { email: 'pw@test.example' });
      const other = sessionFrom(await t.login('pw@test.example', TEST_PASSWORD), s.userId);
      const wrong = await t.request(s, {
        method: 'PUT',
        url: '/api/v1/me/password',
        payload: { currentPassword: 'nope-nope-nope', newPassword: 'a-brand-new-password' },
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.code).toBe('PASSWORD_INCORRECT');
      const short = await t.request(s, {
        method: 'PUT',
        url: '/api/v1/me/password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
      });
      expect(short.statusCode).toBe(400);
      const ok = await t.request(s, {
        method: 'PUT',
        url: '/api/v1/me/password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' },
      });
      expect(ok.statusCode).toBe(200);
      expect((await t.request(other, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
      expect((await t.request(s, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
      expect((await t.login('pw@test.example', 'a-brand-new-password')).statusCode).toBe(200);
    });

    it('updates name and timezone and records it in the audit log', async () => {
      const s = await t.signIn('agent');
      const res = await t.request(s, {
        method: 'PATCH',
        url: '/api/v1/me',
        payload: { name: 'Renamed Person', timezone: 'Europe/Oslo' },
      });
      expect(res.json()).toMatchObject({ name: 'Renamed Person', initials: 'RP', timezone: 'Europe/Oslo' });
      const entry = await t.handle.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'user.profile_updated')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(entry.changes)).toMatchObject({
        name: { after: 'Renamed Person' },
        timezone: { before: 'UTC', after: 'Europe/Oslo' },
      });
    });

    it('turns on two-factor, then requires the code to sign in; admins can reset it', async () => {
      const s = await t.signIn('agent', { email: 'totp@test.example' });
      const setup = await t.request(s, { method: 'POST', url: '/api/v1/me/two-factor' });
      expect(setup.statusCode).toBe(200);
      const { secret, qrCodeDataUrl } = setup.json() as { secret: string; qrCodeDataUrl: string };
      expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
      const bad = await t.request(s, {
        method: 'PUT',
        url: '/api/v1/me/two-factor',
        payload: { code: '000000' },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('TOTP_INVALID');
      const on = await t.request(s, {
        method: 'PUT',
        url: '/api/v1/me/two-factor',
        payload: { code: await currentTotp(secret) },
      });
      expect(on.json().twoFactorEnabled).toBe(true);

      const needCode = await t.login('totp@test.example', TEST_PASSWORD);
      expect(needCode.statusCode).toBe(401);
      expect(needCode.json().error.code).toBe('TOTP_REQUIRED');
      const withCode = await t.login('totp@test.example', TEST_PASSWORD, await currentTotp(secret, 1));
      expect(withCode.statusCode).toBe(200);

      const admin = await t.signIn('admin');
      const reset = await t.request(admin, { method: 'DELETE', url: `/api/v1/users/${s.userId}/two-factor` });
      expect(reset.json().twoFactorEnabled).toBe(false);
      expect((await t.login('totp@test.example', TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('API tokens have no profile', async () => {
      const token = await t.tokenFor('admin');
      const res = await t.request(token, { method: 'PATCH', url: '/api/v1/me', payload: { name: 'X' } });
      expect(res.statusCode).toBe(403);
      const me = await t.request(token, { method: 'GET', url: '/api/v1/auth/me' });
      expect(me.json()).toMatchObject({ user: null, token: { role: 'admin' } });
    });
  });
});

describeApi(
  'login rate limit',
  (t) => {
    it('answers 429 past the per-minute limit', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 4; i += 1)
        codes.push((await t.login('nobody@test.example', 'whatever-password')).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
    });
  },
  { LOGIN_RATE_LIMIT_PER_MINUTE: '3' },
);

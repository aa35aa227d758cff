import { describe, expect, it } from 'vitest';
import { describeApi, sessionFrom, TEST_PASSWORD } from '../../../test/helpers/app';
import { currentTotp } from '../../platform/totp';
import { insertUser } from '../../seed/factories';
import { recordFailedLogin } from '../users';

describeApi('sign-in hardening', (t) => {
  let counter = 0;
  const newUser = async () => {
    counter += 1;
    const email = `guess${counter}@test.example`;
    const id = await insertUser(t.handle.db, {
      email,
      name: 'Gus Guess',
      role: 'agent',
      password: TEST_PASSWORD,
    });
    return { id, email };
  };
  const credentials = (id: number) =>
    t.handle.db
      .selectFrom('users')
      .select(['failed_logins', 'locked_until'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  describe('lockout', () => {
    it('counts simultaneous wrong passwords without losing one, and locks the account once', async () => {
      const { id, email } = await newUser();
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => t.login(email, 'wrong-password-guess')),
      );
      expect(answers.every((a) => a.statusCode === 401)).toBe(true);
      const row = await credentials(id);
      // A guess that reads the account after the lock is refused without being checked or counted;
      // how many came before it depends on timing, so every guess checked counts, and the lock holds.
      expect(row.failed_logins).toBeGreaterThanOrEqual(5);
      expect(row.failed_logins).toBeLessThanOrEqual(12);
      expect(row.locked_until).not.toBeNull();
      expect((await t.login(email, TEST_PASSWORD)).statusCode).toBe(401);
      const locks = await t.handle.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'auth.locked')
        .where('entity_id', '=', String(id))
        .execute();
      expect(locks).toHaveLength(1);
    });

    it('twelve failures counted at the same moment count twelve: one statement each, no lost update', async () => {
      const { id } = await newUser();
      const now = new Date().toISOString();
      const at = { now, lockUntil: new Date(Date.now() + 60_000).toISOString(), threshold: 100 };
      await Promise.all(
        Array.from({ length: 12 }, () =>
          t.handle.db.transaction().execute((trx) => recordFailedLogin(trx, id, at)),
        ),
      );
      expect((await credentials(id)).failed_logins).toBe(12);
    });

    it('starts counting again once a lock has run out, and a good sign-in clears the count', async () => {
      const { id, email } = await newUser();
      for (let i = 0; i < 5; i += 1) await t.login(email, 'wrong-password-guess');
      await t.handle.db
        .updateTable('users')
        .set({ locked_until: '2000-01-01T00:00:00.000Z' })
        .where('id', '=', id)
        .execute();
      await t.login(email, 'wrong-password-guess');
      expect(await credentials(id)).toEqual({ failed_logins: 1, locked_until: null });
      expect((await t.login(email, TEST_PASSWORD)).statusCode).toBe(200);
      expect((await credentials(id)).failed_logins).toBe(0);
    });

    it('a locked account and an unknown address get the same answer, after the same work', async () => {
      const { email } = await newUser();
      for (let i = 0; i < 5; i += 1) await t.login(email, 'wrong-password-guess');
      const timed = async (address: string) => {
        const started = performance.now();
        const res = await t.login(address, TEST_PASSWORD);
        return { res, ms: performance.now() - started };
      };
      const locked: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const a = await timed(email);
        const b = await timed('nobody-here@test.example');
        expect(a.res.statusCode).toBe(b.res.statusCode);
        expect(a.res.json()).toEqual(b.res.json());
        expect(a.res.json().error.code).toBe('INVALID_CREDENTIALS');
        locked.push(a.ms);
        unknown.push(b.ms);
      }
      // Both run a password hash (tens of milliseconds); a shortcut for locked accounts would not.
      expect(Math.min(...locked)).toBeGreaterThan(Math.min(...unknown) * 0.5);
    });
  });

  describe('two-factor codes', () => {
    async function withTwoFactor() {
      const { id, email } = await newUser();
      const s = sessionFrom(await t.login(email, TEST_PASSWORD), id);
      const { secret } = (await t.request(s, { method: 'POST', url: '/api/v1/me/two-factor' })).json() as {
        secret: string;
      };
      const setupCode = await currentTotp(secret);
      const on = await t.request(s, {
        method: 'PUT',
        url: '/api/v1/me/two-factor',
        payload: { code: setupCode },
      });
      expect(on.statusCode).toBe(200);
      return { id, email, secret, setupCode };
    }

    it('a code works once: not again at sign-in, and not the one that turned two-factor on', async () => {
      const { email, secret, setupCode } = await withTwoFactor();
      const replaySetup = await t.login(email, TEST_PASSWORD, setupCode);
      expect(replaySetup.statusCode).toBe(401);
      expect(replaySetup.json().error.code).toBe('INVALID_CREDENTIALS');
      const next = await currentTotp(secret, 1);
      expect((await t.login(email, TEST_PASSWORD, next)).statusCode).toBe(200);
      const again = await t.login(email, TEST_PASSWORD, next);
      expect(again.statusCode).toBe(401);
      expect(again.json().error.code).toBe('INVALID_CREDENTIALS');
    });

    it('a code of an earlier step than the last one used is refused', async () => {
      const { email, secret } = await withTwoFactor();
      expect((await t.login(email, TEST_PASSWORD, await currentTotp(secret, 1))).statusCode).toBe(200);
      expect((await t.login(email, TEST_PASSWORD, await currentTotp(secret, 0))).statusCode).toBe(401);
    });

    it('the same code sent twice at the same moment signs in once', async () => {
      const { email, secret } = await withTwoFactor();
      const code = await currentTotp(secret, 1);
      const answers = await Promise.all([
        t.login(email, TEST_PASSWORD, code),
        t.login(email, TEST_PASSWORD, code),
      ]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401]);
    });
  });
});

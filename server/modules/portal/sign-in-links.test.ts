import { describe, expect, it } from 'vitest';
import { describeApi, sessionFrom, TEST_PASSWORD } from '../../../test/helpers/app';
import { currentTotp } from '../../platform/totp';

describeApi('portal sign-in links', (t) => {
  const ask = (email: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/portal/magic-links', remoteAddress, payload: { email } });
  const redeem = (token: string, totp?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/portal/sessions',
      payload: { token, ...(totp ? { totp } : {}) },
    });
  const linksTo = (email: string) =>
    t.handle.db.selectFrom('mail_outbox').select('text_body').where('to_address', '=', email).execute();
  const lastToken = async (email: string) => {
    const mails = await linksTo(email);
    return /token=([\w-]+)/.exec(mails.at(-1)?.text_body ?? '')?.[1] ?? '';
  };

  describe('two-factor', () => {
    /** A portal customer who turned two-factor on; returns their authenticator secret. */
    async function customerWithTwoFactor(email: string) {
      const admin = await t.signIn('admin');
      const created = await t.request(admin, {
        method: 'POST',
        url: '/api/v1/users',
        payload: { email, name: 'Pat Customer', role: 'customer', password: TEST_PASSWORD },
      });
      const s = sessionFrom(await t.login(email, TEST_PASSWORD), created.json().id);
      const { secret } = (await t.request(s, { method: 'POST', url: '/api/v1/me/two-factor' })).json() as {
        secret: string;
      };
      await t.request(s, {
        method: 'PUT',
        url: '/api/v1/me/two-factor',
        payload: { code: await currentTotp(secret) },
      });
      return secret;
    }

    it('a customer with two-factor on still gives a code after following a link', async () => {
      const secret = await customerWithTwoFactor('pat@customer.example');
      await ask('pat@customer.example');
      const token = await lastToken('pat@customer.example');
      const bare = await redeem(token);
      expect(bare.statusCode).toBe(401);
      expect(bare.json().error.code).toBe('TOTP_REQUIRED');
      expect(bare.cookies.find((c) => c.name === 'steward_session')).toBeUndefined();
      const wrong = await redeem(token, '000000');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
      const ok = await redeem(token, await currentTotp(secret, 1));
      expect(ok.statusCode).toBe(200);
      expect(ok.json().user).toMatchObject({ role: 'customer', email: 'pat@customer.example' });
      // The link is spent now, and so is the code.
      expect((await redeem(token, await currentTotp(secret, 1))).statusCode).toBe(401);
    });

    it('wrong codes through a link count toward the lockout like wrong codes at sign-in', async () => {
      await customerWithTwoFactor('lock@customer.example');
      await ask('lock@customer.example');
      const token = await lastToken('lock@customer.example');
      for (let i = 0; i < 5; i += 1) await redeem(token, '000000');
      const row = await t.handle.db
        .selectFrom('users')
        .select('locked_until')
        .where('email', '=', 'lock@customer.example')
        .executeTakeFirstOrThrow();
      expect(row.locked_until).not.toBeNull();
    });
  });

  describe('requests per client', () => {
    it("a stranger's flood does not stop the customer's own request", async () => {
      const stranger = '203.0.113.66';
      for (let i = 0; i < 12; i += 1)
        expect((await ask('pat@customer.example', stranger)).statusCode).toBe(202);
      expect(await linksTo('pat@customer.example')).toHaveLength(5);
      expect((await ask('pat@customer.example', '198.51.100.7')).statusCode).toBe(202);
      expect(await linksTo('pat@customer.example')).toHaveLength(6);
      const token = await lastToken('pat@customer.example');
      expect((await redeem(token)).statusCode).toBe(200);
    });

    it('one client cannot flood many addresses', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 12; i += 1)
        codes.push((await ask(`victim${i}@customer.example`, '203.0.113.77')).statusCode);
      expect(codes.slice(0, 10).every((c) => c === 202)).toBe(true);
      expect(codes.slice(10)).toEqual([429, 429]);
      const limited = await ask('someone@customer.example', '203.0.113.77');
      expect(limited.json().error.code).toBe('RATE_LIMITED');
      const mails = await t.handle.db.selectFrom('mail_outbox').select('id').execute();
      expect(mails).toHaveLength(10);
      // Another client is not held up by it.
      expect((await ask('someone@customer.example', '198.51.100.8')).statusCode).toBe(202);
    });
  });
});

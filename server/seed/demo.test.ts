import { expect, it } from 'vitest';
import { describeApi } from '../../test/helpers/app';
import { loadConfig } from '../config';
import { sendTicketNotifications } from '../modules/notifications';
import { DEMO_PASSWORD, demoCustomer, demoLogins, seedDemo } from './demo';

describeApi('demo department', (t) => {
  it('fills a realistic department once, and only once, without mailing anyone about its history', async () => {
    // A running server: the notifier already has its place in the ticket history.
    await sendTicketNotifications(t.handle.db, loadConfig({}), 0);
    const summary = await seedDemo(t.handle, loadConfig({ PUBLIC_URL: 'https://help.example.com' }));
    expect(summary).toContain('2000 tickets');
    // Who can sign in, where and how: every staff login, and a customer for the portal.
    expect(summary).toContain(
      `Staff sign in at https://help.example.com/login with the password "${DEMO_PASSWORD}"`,
    );
    for (const login of demoLogins) expect(summary).toContain(login.email);
    expect(summary).toContain('amara.adeyemi@steward.example');
    expect(summary).toContain('A customer signs in to the portal at https://help.example.com/portal/login');
    expect(summary).toContain(demoCustomer.email);
    const count = async (table: 'users' | 'teams' | 'customers' | 'organizations' | 'tickets' | 'messages') =>
      Number(
        (
          await t.handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('users')).toBe(16);
    expect(await count('teams')).toBe(3);
    expect(await count('customers')).toBe(200);
    expect(await count('organizations')).toBe(40);
    expect(await count('tickets')).toBe(2000);
    expect(await count('messages')).toBeGreaterThan(4000);
    // Seeded replies, solved tickets and assignments are history: the notifier queues nothing.
    while ((await sendTicketNotifications(t.handle.db, loadConfig({}), 0)) > 0);
    const queued = await t.handle.db.selectFrom('mail_outbox').select('to_address').execute();
    expect(queued).toEqual([]);
    // The printed logins work: staff on the sign-in page, the customer on the portal, with requests of their own.
    for (const email of [...demoLogins.map((l) => l.email), 'amara.adeyemi@steward.example']) {
      expect((await t.login(email, DEMO_PASSWORD)).statusCode, email).toBe(200);
    }
    const customer = await t.login(demoCustomer.email, DEMO_PASSWORD);
    expect(customer.statusCode).toBe(200);
    const cookie = customer.cookies.find((c) => c.name === 'steward_session')!;
    const requests = await t.app.inject({
      method: 'GET',
      url: '/api/v1/portal/tickets',
      cookies: { steward_session: cookie.value },
    });
    expect(requests.statusCode).toBe(200);
    expect((requests.json() as { data: unknown[] }).data.length).toBeGreaterThan(0);
    // Run again, it changes nothing and still says how to sign in.
    const again = await seedDemo(t.handle, loadConfig({}));
    expect(again).toMatch(/already there/);
    expect(again).toContain(demoCustomer.email);
  }, 120_000);
});

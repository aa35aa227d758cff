import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/db';
import { loadConfig } from '../config';
import { sendTicketNotifications } from '../modules/notifications';
import { seedDemo } from './demo';

describeEachDatabase('demo department', (t) => {
  it('fills a realistic department once, and only once, without mailing anyone about its history', async () => {
    // A running server: the notifier already has its place in the ticket history.
    await sendTicketNotifications(t.handle.db, loadConfig({}), 0);
    const summary = await seedDemo(t.handle, loadConfig({}));
    expect(summary).toContain('2000 tickets');
    const count = async (table: 'users' | 'teams' | 'customers' | 'organizations' | 'tickets' | 'messages') =>
      Number(
        (
          await t.handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('users')).toBe(15);
    expect(await count('teams')).toBe(3);
    expect(await count('customers')).toBe(200);
    expect(await count('organizations')).toBe(40);
    expect(await count('tickets')).toBe(2000);
    expect(await count('messages')).toBeGreaterThan(4000);
    // Seeded replies, solved tickets and assignments are history: the notifier queues nothing.
    while ((await sendTicketNotifications(t.handle.db, loadConfig({}), 0)) > 0);
    const queued = await t.handle.db.selectFrom('mail_outbox').select('to_address').execute();
    expect(queued).toEqual([]);
    expect(await seedDemo(t.handle, loadConfig({}))).toMatch(/already there/);
  }, 120_000);
});

import { expect, it } from 'vitest';
import { createTicketBody } from '../../../contracts/tickets';
import { describeEachDatabase } from '../../../test/helpers/db';
import { systemContext } from '../../platform/auth/actor';
import { insertMessageRow, openTicket } from '../tickets';
import { gatherFacts } from './automation.facts';

describeEachDatabase('trigger facts', (t) => {
  it('read the latest customer message again once a message is written, inside a transaction too', async () => {
    const db = t.handle.db;
    const opened = await openTicket(
      db,
      systemContext('test'),
      createTicketBody.parse({
        subject: 'Parcel',
        requester: { email: 'facts@customer.example' },
        message: { body: 'Where is my parcel?' },
      }),
    );
    const body = async (on: typeof db) =>
      (await gatherFacts(on, opened, new Set(['body']), [], Date.now())).body;
    expect(await body(db)).toBe('Where is my parcel?');
    expect(await body(db)).toBe('Where is my parcel?');
    const reply = (text: string, on: typeof db) =>
      insertMessageRow(on, {
        ticketId: opened.id,
        kind: 'customer',
        authorUserId: null,
        authorCustomerId: opened.requester.id,
        channel: 'email',
        body: text,
        html: `<p>${text}</p>`,
        meta: {},
        now: new Date().toISOString(),
      });
    await reply('I want a refund', db);
    expect(await body(db)).toBe('I want a refund');
    await db
      .transaction()
      .execute(async (trx) => {
        expect((await gatherFacts(trx, opened, new Set(['body']), [], Date.now())).body).toBe(
          'I want a refund',
        );
        await reply('Charge back filed', trx);
        expect((await gatherFacts(trx, opened, new Set(['body']), [], Date.now())).body).toBe(
          'Charge back filed',
        );
        throw new Error('undo');
      })
      .catch(() => undefined);
    // The rolled-back message is not taken for the ticket's latest.
    expect(await body(db)).toBe('I want a refund');
  });
});

import type { KyselyPlugin } from 'kysely';
import { expect, it } from 'vitest';
import { createTicketBody } from '../../../contracts/tickets';
import { describeEachDatabase } from '../../../test/helpers/db';
import { systemContext } from '../../platform/auth/actor';
import { insertTeam } from '../../seed/factories';
import { changeTicket, keepTicketReadsInTransactions, loadTicket, openTicket } from '.';

describeEachDatabase('ticket reads inside a transaction (ADR 0035)', (t) => {
  it('keep a read while nothing it is read from was written, and see every write', async () => {
    keepTicketReadsInTransactions(true);
    try {
      const db = t.handle.db;
      const ctx = systemContext('test');
      const teamId = await insertTeam(db, { name: 'Returns', memberIds: [] });
      const opened = await openTicket(
        db,
        ctx,
        createTicketBody.parse({
          subject: 'Parcel',
          requester: { email: 'rows@customer.example' },
          message: { body: 'Where is my parcel?' },
          teamId,
        }),
      );
      let statements = 0;
      const counting: KyselyPlugin = {
        transformQuery: (args) => args.node,
        transformResult: async (args) => {
          statements += 1;
          return args.result;
        },
      };
      await db
        .transaction()
        .execute(async (plain) => {
          const trx = plain.withPlugin(counting);
          expect(await loadTicket(trx, opened.id)).toMatchObject({
            subject: 'Parcel',
            team: { name: 'Returns' },
          });
          const before = statements;
          expect(await loadTicket(trx, opened.id)).toMatchObject({
            subject: 'Parcel',
            team: { name: 'Returns' },
          });
          // Kept on SQLite, whose stamps count the transaction's own writes; read again elsewhere.
          if (t.dialect === 'sqlite') expect(statements).toBe(before);
          else expect(statements).toBeGreaterThan(before);
          // A name the row carries, changed in the same transaction.
          await trx.updateTable('teams').set({ name: 'Returns desk' }).where('id', '=', teamId).execute();
          expect((await loadTicket(trx, opened.id)).team?.name).toBe('Returns desk');
          await changeTicket(trx, ctx, opened.id, { subject: 'Parcel lost' });
          expect((await loadTicket(trx, opened.id)).subject).toBe('Parcel lost');
          // Another ticket is its own read.
          await expect(loadTicket(trx, opened.id + 1000)).rejects.toThrow();
          throw new Error('undo');
        })
        .catch((error: Error) => {
          if (error.message !== 'undo') throw error;
        });
      // Nothing read inside the rolled-back transaction is taken for what was committed.
      expect(await loadTicket(db, opened.id)).toMatchObject({ subject: 'Parcel', team: { name: 'Returns' } });
      await db.transaction().execute(async (trx) => {
        expect(await loadTicket(trx, opened.id)).toMatchObject({
          subject: 'Parcel',
          team: { name: 'Returns' },
        });
      });
    } finally {
      keepTicketReadsInTransactions(false);
    }
  });
});

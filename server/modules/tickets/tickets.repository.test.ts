import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema';
import { updateTickets } from './tickets.repository';

// The one writer of ticket rows (test/architecture/ticket-writes.test.ts keeps it the only one).
describe('updateTickets', () => {
  it('moves the version with every change, and is_open with the status', () => {
    const db = new Kysely<Database>({
      dialect: {
        createAdapter: () => new SqliteAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (k) => new SqliteIntrospector(k),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      },
    });
    const subject = updateTickets(db, () => ({ subject: 'x' }))
      .where('id', '=', 1)
      .compile().sql;
    expect(subject).toBe('update "tickets" set "subject" = ?, "version" = "version" + ? where "id" = ?');
    const status = updateTickets(db, () => ({ status: 'closed' }))
      .where('id', '=', 1)
      .compile();
    expect(status.sql).toBe(
      'update "tickets" set "status" = ?, "is_open" = ?, "version" = "version" + ? where "id" = ?',
    );
    expect(status.parameters).toEqual(['closed', 0, 1, 1]);
  });
});

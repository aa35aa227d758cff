import { sql } from 'kysely';
import type { DbOrTrx } from './database';

/**
 * Runs work inside a savepoint of the current transaction: when it throws, only its own
 * changes are undone and `onError` runs in the still-open transaction.
 */
export async function withSavepoint<T>(
  trx: DbOrTrx,
  name: string,
  work: () => Promise<T>,
  onError: (error: unknown) => Promise<T>,
): Promise<T> {
  const id = sql.id(name);
  await sql`savepoint ${id}`.execute(trx);
  try {
    const result = await work();
    await sql`release savepoint ${id}`.execute(trx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint ${id}`.execute(trx);
    await sql`release savepoint ${id}`.execute(trx);
    return onError(error);
  }
}

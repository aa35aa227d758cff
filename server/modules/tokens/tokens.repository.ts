import type { DbOrTrx } from '../../db/database';
import type { ApiTokensTable } from '../../db/schema';

const columns = [
  'api_tokens.id',
  'api_tokens.name',
  'api_tokens.role',
  'api_tokens.token_prefix',
  'api_tokens.created_by',
  'api_tokens.created_at',
  'api_tokens.last_used_at',
  'api_tokens.revoked_at',
  'users.name as created_by_name',
  'users.deactivated_at as created_by_deactivated_at',
] as const;

export const tokensRepository = {
  findById(db: DbOrTrx, id: number) {
    return db
      .selectFrom('api_tokens')
      .leftJoin('users', 'users.id', 'api_tokens.created_by')
      .select(columns)
      .where('api_tokens.id', '=', id)
      .executeTakeFirst();
  },

  list(
    db: DbOrTrx,
    filter: { status: 'active' | 'revoked' | 'all'; createdBy?: number; limit: number },
    afterId: number | null,
  ) {
    let query = db
      .selectFrom('api_tokens')
      .leftJoin('users', 'users.id', 'api_tokens.created_by')
      .select(columns);
    if (filter.status === 'active') query = query.where('api_tokens.revoked_at', 'is', null);
    if (filter.status === 'revoked') query = query.where('api_tokens.revoked_at', 'is not', null);
    if (filter.createdBy !== undefined) query = query.where('api_tokens.created_by', '=', filter.createdBy);
    if (afterId !== null) query = query.where('api_tokens.id', '<', afterId);
    return query
      .orderBy('api_tokens.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  async insert(
    db: DbOrTrx,
    values: {
      name: string;
      role: ApiTokensTable['role'];
      hash: string;
      prefix: string;
      createdBy: number | null;
      now: string;
    },
  ): Promise<number> {
    const row = await db
      .insertInto('api_tokens')
      .values({
        name: values.name,
        role: values.role,
        token_hash: values.hash,
        token_prefix: values.prefix,
        created_by: values.createdBy,
        created_at: values.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async revoke(db: DbOrTrx, id: number, now: string): Promise<void> {
    await db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  },
};

export type TokenListRow = Awaited<ReturnType<typeof tokensRepository.list>>[number];

import type { DbOrTrx } from '../../db/database';
import { prepared } from '../../db/prepared';

// Run on every request: built once (see server/db/prepared.ts).
const sessionQuery = prepared((db, p: { sessionHash: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.csrf_token as csrfToken',
      'sessions.expires_at as expiresAt',
      'sessions.last_seen_at as lastSeenAt',
      'users.id as userId',
      'users.name',
      'users.email',
      'users.role',
      'users.deactivated_at as deactivatedAt',
    ])
    .where('sessions.id', '=', p.sessionHash),
);

/** A token and its owner (the admin who made it), who decides whether and as what it acts. */
const tokenColumns = [
  'api_tokens.id',
  'api_tokens.name',
  'api_tokens.role',
  'api_tokens.last_used_at',
  'api_tokens.created_by as ownerId',
  'users.role as ownerRole',
  'users.deactivated_at as ownerDeactivatedAt',
] as const;

const tokenQuery = prepared((db, p: { tokenHash: string }) =>
  db
    .selectFrom('api_tokens')
    .leftJoin('users', 'users.id', 'api_tokens.created_by')
    .select(tokenColumns)
    .where('api_tokens.token_hash', '=', p.tokenHash)
    .where('api_tokens.revoked_at', 'is', null),
);

/** Look-ups that turn a cookie or a bearer token into an actor. */
export const credentialsRepository = {
  findSession(db: DbOrTrx, sessionHash: string) {
    return sessionQuery.first(db, { sessionHash });
  },

  touchSession(db: DbOrTrx, sessionHash: string, at: string) {
    return db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionHash).execute();
  },

  deleteSession(db: DbOrTrx, sessionHash: string) {
    return db.deleteFrom('sessions').where('id', '=', sessionHash).execute();
  },

  findActiveToken(db: DbOrTrx, tokenHash: string) {
    return tokenQuery.first(db, { tokenHash });
  },

  findTokenById(db: DbOrTrx, id: number) {
    return db
      .selectFrom('api_tokens')
      .leftJoin('users', 'users.id', 'api_tokens.created_by')
      .select(tokenColumns)
      .where('api_tokens.id', '=', id)
      .where('api_tokens.revoked_at', 'is', null)
      .executeTakeFirst();
  },

  touchToken(db: DbOrTrx, id: number, at: string) {
    return db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  },
};

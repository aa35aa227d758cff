import type { DbOrTrx } from '../../db/database';
import { authRepository } from './auth.repository';

/** Ends a user's sessions (all, or all but one). Used on deactivation, password changes and resets. */
export const endUserSessions = (db: DbOrTrx, userId: number, keepSessionId: string | null = null) =>
  authRepository.deleteUserSessions(db, userId, keepSessionId);

import type { DbOrTrx } from '../../db/database';
import { sessionsRepository } from './sessions.repository';

/** Ends a user's sessions (all, or all but one). Used on deactivation, password changes and resets. */
export const endUserSessions = (db: DbOrTrx, userId: number, keepSessionId: string | null = null) =>
  sessionsRepository.deleteUserSessions(db, userId, keepSessionId);

import type { Role } from '../../../contracts/common';
import type { DbOrTrx } from '../../db/database';
import { nowIso } from '../clock';
import type { Actor } from './actor';
import { credentialsRepository as repo } from './credentials.repository';

type StaffRole = Exclude<Role, 'customer'>;
const rank: Record<StaffRole, number> = { agent: 1, manager: 2, admin: 3 };

/**
 * What a token acts as. A token belongs to the admin who made it: while they are deactivated
 * (or no longer staff) it acts as nothing, and it never does more than their role allows now.
 * Tokens made on the command line have no owner and act with their own role.
 */
export function tokenActor(row: {
  id: number;
  name: string;
  role: StaffRole;
  ownerId: number | null;
  ownerRole: Role | null;
  ownerDeactivatedAt: string | null;
}): Extract<Actor, { type: 'token' }> | null {
  if (row.ownerId === null) return { type: 'token', id: row.id, name: row.name, role: row.role };
  if (row.ownerDeactivatedAt !== null || row.ownerRole === null || row.ownerRole === 'customer') return null;
  const role = rank[row.ownerRole] < rank[row.role] ? row.ownerRole : row.role;
  return { type: 'token', id: row.id, name: row.name, role };
}

/**
 * The actor as it stands now, for work that outlives a request (a live socket): null when the
 * session has ended or expired, the user is deactivated, or the token is revoked or suspended.
 */
export async function currentActor(db: DbOrTrx, actor: Actor): Promise<Actor | null> {
  if (actor.type === 'token') {
    const row = await repo.findTokenById(db, actor.id);
    return row ? tokenActor(row) : null;
  }
  if (!actor.sessionId) return null;
  const session = await repo.findSession(db, actor.sessionId);
  if (!session || session.deactivatedAt || session.expiresAt <= nowIso()) return null;
  return {
    type: 'user',
    id: session.userId,
    name: session.name,
    email: session.email,
    role: session.role,
    sessionId: session.sessionId,
  };
}

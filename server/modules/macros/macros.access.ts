import { type MacroActions, macroActionsSchema } from '../../../contracts/macros';
import type { DbOrTrx } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policies';
import { notFound } from '../../platform/errors';
import { parseObject } from '../../platform/json';
import { type MacroRow, type MacroViewer, macrosRepository as repo } from './macros.repository';

// Who sees and keeps which macros, and a macro's stored actions read back.

const macroNotFound = (id: number) => notFound('MACRO_NOT_FOUND', `Macro #${id}`);

/** A person's own id; an API token is no one. */
export const userIdOf = (actor: Actor) => (actor.type === 'user' && actor.id !== 0 ? actor.id : null);

/** What a caller sees: their own personal macros, their teams' (managers: every team's) and the shared ones. */
export const viewerOf = (actor: Actor): MacroViewer => ({
  userId: userIdOf(actor),
  allTeams: can(actor, 'macros.share'),
});

export const managedAs = (row: Pick<MacroRow, 'visibility' | 'owner_id' | 'team_lead_id'>) => ({
  visibility: row.visibility,
  ownerId: row.owner_id,
  teamLeadId: row.team_lead_id,
});

/** Stored actions, read back through their schema: anything it no longer takes is left out. */
export function actionsOf(row: Pick<MacroRow, 'actions'>): MacroActions {
  const parsed = macroActionsSchema.safeParse(parseObject(row.actions));
  return parsed.success ? parsed.data : {};
}

/** Whether the caller may see a macro: a stranger's personal one or another team's does not exist for them. */
export async function visibleTo(db: DbOrTrx, actor: Actor, row: MacroRow): Promise<boolean> {
  if (row.visibility === 'shared') return true;
  const userId = userIdOf(actor);
  if (row.visibility === 'personal') return userId !== null && row.owner_id === userId;
  if (can(actor, 'macros.share')) return true;
  return userId !== null && row.team_id !== null && repo.isTeamMember(db, row.team_id, userId);
}

export async function loadVisible(db: DbOrTrx, actor: Actor, id: number): Promise<MacroRow> {
  const row = await repo.findById(db, id);
  if (!row || !(await visibleTo(db, actor, row))) throw macroNotFound(id);
  return row;
}

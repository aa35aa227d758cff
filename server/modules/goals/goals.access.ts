// Who sees and keeps which goals. Managers and admins: all. Everyone: the department's goals;
// a team's members and lead: the team's; an agent: their own, and a lead: their members'.
// A team's lead keeps (creates, changes, deletes) the goals of the teams they lead and of
// those teams' members; other agents only read.

import type { DbOrTrx } from '../../db/database';
import type { Actor } from '../../platform/auth/actor';
import { can } from '../../platform/auth/policies';
import { type TeamReach, teamReachOf } from '../teams';

export interface GoalOwnerRef {
  owner_kind: 'department' | 'team' | 'agent';
  team_id: number | null;
  agent_id: number | null;
}

export interface Sight {
  all: boolean;
  userId: number | null;
  reach: TeamReach;
}

const nobody: TeamReach = { memberOf: [], leads: [], ledMembers: [] };

export async function sightOf(db: DbOrTrx, actor: Actor): Promise<Sight> {
  if (can(actor, 'goals.all')) return { all: true, userId: null, reach: nobody };
  if (actor.type !== 'user') return { all: false, userId: null, reach: nobody };
  return { all: false, userId: actor.id, reach: await teamReachOf(db, actor.id) };
}

export function canSee(sight: Sight, goal: GoalOwnerRef): boolean {
  if (sight.all || goal.owner_kind === 'department') return true;
  const { reach } = sight;
  if (goal.owner_kind === 'team')
    return (
      goal.team_id !== null && (reach.memberOf.includes(goal.team_id) || reach.leads.includes(goal.team_id))
    );
  return (
    goal.agent_id !== null && (goal.agent_id === sight.userId || reach.ledMembers.includes(goal.agent_id))
  );
}

export function canKeep(sight: Sight, goal: GoalOwnerRef): boolean {
  if (sight.all) return true;
  if (goal.owner_kind === 'team') return goal.team_id !== null && sight.reach.leads.includes(goal.team_id);
  if (goal.owner_kind === 'agent')
    return goal.agent_id !== null && sight.reach.ledMembers.includes(goal.agent_id);
  return false;
}

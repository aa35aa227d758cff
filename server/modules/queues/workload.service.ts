import type { ViewFilters } from '../../../contracts/tickets';
import type { TeamQueue, Workload } from '../../../contracts/workload';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize, can } from '../../platform/auth/policies';
import type { AppDeps } from '../../platform/deps';
import { teamNames } from '../teams';
import { OPEN_STATUSES } from '../tickets';
import { queueIndexRepository, type Viewer } from './queue-index.repository';
import { queueCounter } from './queues.counts';
import { workloadRepository as repo } from './workload.repository';

const open = [...OPEN_STATUSES];
type TeamFilter = NonNullable<ViewFilters['team']>;

/** The queues a home page shows: each team's open, unassigned and pending tickets, and the caller's own. */
export function workloadService({ db, config }: AppDeps) {
  const counted = queueCounter(config.caches);

  return {
    async overview(ctx: RequestContext): Promise<Workload> {
      authorize(ctx.actor, 'tickets.read');
      const userId = ctx.actor.type === 'user' && ctx.actor.id !== 0 ? ctx.actor.id : null;
      const allTeams = can(ctx.actor, 'workload.all-teams');
      const ownTeams = userId === null ? [] : await queueIndexRepository.teamIdsOf(db, userId);
      const who: Viewer = { userId, teamIds: ownTeams };
      const { tickets: stamp } = await queueIndexRepository.queueStamp(db);
      const count = (filters: ViewFilters) => counted(db, filters, who, stamp);

      const queue = async (team: TeamFilter): Promise<Omit<TeamQueue, 'team'>> => ({
        open: await count({ team, status: open }),
        unassigned: await count({ team, assignee: ['none'], status: open }),
        pending: await count({ team, status: ['pending'] }),
      });

      const teams = await teamNames(db, allTeams ? undefined : ownTeams);
      const rows: TeamQueue[] = [];
      for (const team of teams) rows.push({ team, ...(await queue([team.id])) });
      if (allTeams) {
        const nowhere = await queue(['none']);
        if (nowhere.open.count > 0) rows.push({ team: null, ...nowhere });
      }

      // An agent in no team picks up from the whole Unassigned queue, as their Inbox shows it.
      const scope = allTeams || ownTeams.length === 0 ? null : ownTeams;
      const oldest = await repo.oldestUnassigned(db, scope);
      const teamOf = async (id: number | null) =>
        id === null ? null : (teams.find((t) => t.id === id) ?? (await teamNames(db, [id]))[0] ?? null);
      return {
        scope: allTeams ? 'all' : 'own',
        mine:
          userId === null
            ? null
            : {
                open: await count({ assignee: ['me'], status: open }),
                pending: await count({ assignee: ['me'], status: ['pending'] }),
              },
        teams: rows,
        oldestUnassigned: oldest
          ? {
              id: oldest.id,
              subject: oldest.subject,
              priority: oldest.priority,
              createdAt: oldest.created_at,
              team: await teamOf(oldest.team_id),
            }
          : null,
      };
    },
  };
}

export type WorkloadService = ReturnType<typeof workloadService>;

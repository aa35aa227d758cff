import type { Board, BoardAlert, BoardTeamRow } from '../../../contracts/board';
import type { TicketStatus } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import { tablesStamp } from '../../db/stamps';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize, can } from '../../platform/auth/policies';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { keptWhileUnchanged } from '../../platform/kept';
import { loadCalendar, wallClockOf } from '../business-hours';
import { staffWithPresence, standingUnassignedAlerts, teamsLedBy } from '../routing';
import { countTicketsDue } from '../sla';
import { teamNames } from '../teams';
import { boardRepository as repo } from './board.repository';
import { ageBuckets, bucketBounds, todayByHour, todayIn } from './board.rules';
import { spikeBoardAlerts } from './spikes.service';

/**
 * What the board is read from. A change to any of them (on this node, or a commit of another
 * connection on SQLite) moves the stamp, and the kept board is read again; deleting a team or a
 * person clears tickets' references through foreign keys, hence teams and users.
 */
const BOARD_TABLES = [
  'tickets',
  'open_ticket_counts',
  'teams',
  'team_members',
  'users',
  'agent_presence',
  'routing_alerts',
  'team_routing',
  'business_calendars',
  'spike_alerts',
  'categories',
] as const;

const SOON_MS = 60 * 60_000;
/** The board is read again at least every minute: the ages, the SLA windows and today move with the clock. */
const MINUTE = 60_000;

const emptyStatuses = (): Record<TicketStatus, number> => ({
  new: 0,
  open: 0,
  pending: 0,
  on_hold: 0,
  solved: 0,
  closed: 0,
});

/** Reads the whole board for the given teams (null: all) at `now`. */
export async function readBoard(db: DbOrTrx, teamIds: number[] | null, now: number): Promise<Board> {
  // Backlog by team and status.
  const teams = await teamNames(db, teamIds ?? undefined);
  const rows = new Map<number | null, BoardTeamRow>();
  for (const team of teams) rows.set(team.id, { team, open: 0, byStatus: emptyStatuses(), unassigned: 0 });
  const byStatus = emptyStatuses();
  let open = 0;
  for (const r of await repo.backlog(db, teamIds)) {
    const n = Number(r.n);
    let row = rows.get(r.team_id);
    if (!row) {
      row = { team: null, open: 0, byStatus: emptyStatuses(), unassigned: 0 };
      rows.set(r.team_id, row);
    }
    row.open += n;
    row.byStatus[r.status] += n;
    row.unassigned += Number(r.unassigned ?? 0);
    byStatus[r.status] += n;
    open += n;
  }

  // Unassigned by age: how many from the backlog's counts, their ages from the index of the unassigned.
  const unassigned = [...rows.values()].reduce((sum, row) => sum + row.unassigned, 0);
  const bounds = bucketBounds(now);
  const ages = await repo.unassignedAges(db, teamIds, bounds);

  // Agents and their load.
  const staff = await staffWithPresence(db, teamIds);
  const loads = await repo.loads(
    db,
    staff.map((s) => s.id),
  );

  // Today, in the desk's time zone (the default business-hours calendar's; UTC without one).
  const timezone = (await loadCalendar(db, null))?.timezone ?? 'UTC';
  const wallOf = (utcMs: number) => wallClockOf(timezone, utcMs);
  const today = todayIn(now, wallOf);
  const from = new Date(today.from).toISOString();
  const created = await repo.createdSince(db, from, teamIds);
  const solved = await repo.solvedSince(db, from, teamIds);

  const alerts = await standingUnassignedAlerts(db, teamIds);
  // Spike alerts are about a category, not a team: on the managers' board (every team) only.
  const spikes = teamIds === null ? await spikeBoardAlerts(db) : [];

  return {
    scope: teamIds === null ? 'all' : 'led',
    teamIds,
    generatedAt: new Date(now).toISOString(),
    backlog: {
      open,
      byStatus,
      byTeam: [...rows.values()].filter((r) => r.team !== null || r.open > 0),
    },
    unassigned: {
      count: unassigned,
      oldestAt: ages.oldest,
      buckets: ageBuckets(unassigned, ages.after, now),
    },
    sla: await countTicketsDue(db, { now, soonMs: SOON_MS, teamIds }),
    agents: staff.map((s) => ({ ...s, load: loads.get(s.id) ?? 0 })),
    today: {
      timezone,
      from,
      incoming: created.length,
      solved: solved.length,
      hours: todayByHour(created, solved, today, now, wallOf),
    },
    alerts: alerts
      .map(
        (a): BoardAlert => ({
          kind: 'unassigned',
          title: `${a.ticketIds.length} ${a.ticketIds.length === 1 ? 'ticket' : 'tickets'} unassigned${
            a.afterMinutes ? ` over ${a.afterMinutes} min` : ''
          } in ${a.teamName ?? 'no team'}`,
          since: a.since,
          ticketIds: a.ticketIds.slice(0, 50),
        }),
      )
      .concat(spikes),
  };
}

/**
 * The live operations board: managers and admins see every team, a team's lead the teams they
 * lead. The answer is kept while nothing it was read from changed, for at most a minute
 * (ADR 0011's stamps), so a wall of open boards costs one read per change, not one per screen.
 */
export function boardService({ db, config }: AppDeps) {
  const kept = keptWhileUnchanged<Board>(config.caches);
  return {
    async board(ctx: RequestContext): Promise<Board> {
      authorize(ctx.actor, 'board.read');
      let teamIds: number[] | null = null;
      if (!can(ctx.actor, 'workload.all-teams')) {
        teamIds = ctx.actor.type === 'user' ? await teamsLedBy(db, ctx.actor.id) : [];
        if (teamIds.length === 0) throw new AppError('FORBIDDEN', 'The board is for team leads and managers');
        teamIds.sort((a, b) => a - b);
      }
      const now = Date.now();
      const stamp = await tablesStamp(db, BOARD_TABLES);
      const minute = Math.floor(now / MINUTE);
      return kept.answer(stamp === null ? null : `${stamp}:${minute}`, JSON.stringify(teamIds), () =>
        readBoard(db, teamIds, now),
      );
    },
  };
}

export type BoardService = ReturnType<typeof boardService>;

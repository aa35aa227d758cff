import { sql } from 'kysely';
import type { TicketStatus } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import { prepared } from '../../db/prepared';
import { OPEN_STATUSES } from '../tickets';

const inTeams = (teamIds: number[]) => (teamIds.length ? teamIds : [-1]);

/** Written as a literal, so both databases can prove a read stays within the partial index of open tickets. */
const OPEN = sql.lit(1);

/**
 * What the operations board reads of tickets. The backlog by team and status, the unassigned and
 * each agent's load come from the running counts of open tickets (`open_ticket_counts`, migration
 * 0047, kept in the transaction of every ticket write): a few hundred rows, however long the
 * backlog. The unassigned by age read an index of the unassigned by creation time (SQLite:
 * `tickets_assignee_open_created_idx`; PostgreSQL: the partial `tickets_unassigned_open_idx`,
 * migration 0047): the oldest is its first entry and the buckets count only the last day's.
 */
/**
 * The oldest unassigned open ticket of one team in one status: the first entry of its range of
 * `tickets_board_idx` (team, status, assignee, created). Over several teams and statuses at once
 * neither database finds it without walking every unassigned ticket older than it.
 */
const oldestQuery = prepared((db, p: { teamId: number; status: string }) =>
  db
    .selectFrom('tickets')
    .select((eb) => eb.fn.min<string | null>('created_at').as('oldest'))
    .where('is_open', '=', OPEN)
    .where('team_id', '=', p.teamId)
    .where('status', '=', p.status as TicketStatus)
    .where('assignee_id', 'is', null),
);

async function oldestOfTeams(db: DbOrTrx, teamIds: number[]): Promise<string | null> {
  let oldest: string | null = null;
  for (const teamId of teamIds)
    for (const status of OPEN_STATUSES) {
      const found = (await oldestQuery.first(db, { teamId, status }))?.oldest ?? null;
      if (found !== null && (oldest === null || found < oldest)) oldest = found;
    }
  return oldest;
}

export const boardRepository = {
  /** Unsolved tickets by team and status, with how many of them nobody is assigned to. */
  async backlog(db: DbOrTrx, teamIds: number[] | null) {
    let query = db
      .selectFrom('open_ticket_counts')
      .select((eb) => [
        'team_id',
        'status',
        eb.fn.sum<number | string>('n').as('n'),
        eb.fn
          .sum<number | string | null>(eb.case().when('assignee_id', '=', 0).then(eb.ref('n')).else(0).end())
          .as('unassigned'),
      ]);
    if (teamIds) query = query.where('team_id', 'in', inTeams(teamIds));
    const rows = await query.groupBy(['team_id', 'status']).execute();
    return rows
      .filter((r) => Number(r.n) !== 0)
      .map((r) => ({ ...r, team_id: r.team_id === 0 ? null : r.team_id }));
  },

  /** Unsolved unassigned tickets: how many came in at or after each bound (the newest day's), and the oldest. */
  async unassignedAges(db: DbOrTrx, teamIds: number[] | null, bounds: string[]) {
    const unassigned = () => {
      let query = db.selectFrom('tickets').where('is_open', '=', OPEN).where('assignee_id', 'is', null);
      if (teamIds) query = query.where('team_id', 'in', inTeams(teamIds));
      return query;
    };
    const oldest = teamIds
      ? await oldestOfTeams(db, teamIds)
      : ((
          await unassigned()
            .select((eb) => eb.fn.min<string | null>('created_at').as('oldest'))
            .executeTakeFirst()
        )?.oldest ?? null);
    // One walk of the entries since the oldest bound (the last), counting each bound's share.
    const since = bounds.at(-1);
    if (since === undefined) return { oldest, after: [] };
    const row = (await unassigned()
      .select((eb) =>
        bounds.map((bound, i) =>
          eb.fn
            .sum<number | string | null>(eb.case().when('created_at', '>=', bound).then(1).else(0).end())
            .as(`after${i}`),
        ),
      )
      .where('created_at', '>=', since)
      .executeTakeFirst()) as Record<string, number | string | null> | undefined;
    const after = bounds.map((_, i) => Number(row?.[`after${i}`] ?? 0));
    return { oldest, after };
  },

  /** Unsolved tickets assigned to each of these people, from the running counts. */
  async loads(db: DbOrTrx, userIds: number[]): Promise<Map<number, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('open_ticket_counts')
      .select((eb) => ['assignee_id', eb.fn.sum<number | string>('n').as('n')])
      .where('assignee_id', 'in', userIds)
      .groupBy('assignee_id')
      .execute();
    return new Map(rows.map((r) => [r.assignee_id, Number(r.n)]));
  },

  /** When each ticket that came in since `from` did (the creation-time index). */
  async createdSince(db: DbOrTrx, from: string, teamIds: number[] | null): Promise<string[]> {
    let query = db.selectFrom('tickets').select('created_at').where('created_at', '>=', from);
    if (teamIds) query = query.where('team_id', 'in', inTeams(teamIds));
    return (await query.execute()).map((r) => r.created_at);
  },

  /** When each ticket solved since `from` was (the solved-time index). */
  async solvedSince(db: DbOrTrx, from: string, teamIds: number[] | null): Promise<string[]> {
    let query = db.selectFrom('tickets').select('solved_at').where('solved_at', '>=', from);
    // `+team_id`: today's solved come from the solved-time index and their team is checked on
    // each; an index that leads with the team (SQLite's choice otherwise) walks all its history.
    if (teamIds) query = query.where(sql<number>`+tickets.team_id`, 'in', inTeams(teamIds));
    return (await query.execute()).flatMap((r) => (r.solved_at ? [r.solved_at] : []));
  },
};

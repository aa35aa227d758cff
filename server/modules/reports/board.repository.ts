import { sql } from 'kysely';
import type { TicketStatus } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';

const inTeams = (teamIds: number[]) => (teamIds.length ? teamIds : [-1]);

/** Written as a literal, so both databases can prove a read stays within the partial index of open tickets. */
const OPEN = sql.lit(1);

/**
 * What the operations board reads of tickets. The backlog and the unassigned are counted from
 * `tickets_board_idx` (team_id, status, assignee_id, created_at where is_open = 1) alone: only
 * open tickets are in it, and the table is never read, so the cost follows the backlog, not the
 * history.
 */
export const boardRepository = {
  /** Unsolved tickets by team and status, with how many of them nobody is assigned to. */
  backlog(db: DbOrTrx, teamIds: number[] | null) {
    let query = db
      .selectFrom('tickets')
      .select((eb) => [
        'team_id',
        'status',
        eb.fn.countAll<number | string>().as('n'),
        eb.fn
          .sum<number | string | null>(eb.case().when('assignee_id', 'is', null).then(1).else(0).end())
          .as('unassigned'),
      ])
      .where('is_open', '=', OPEN);
    if (teamIds) query = query.where('team_id', 'in', inTeams(teamIds));
    return query.groupBy(['team_id', 'status']).execute() as Promise<
      {
        team_id: number | null;
        status: TicketStatus;
        n: number | string;
        unassigned: number | string | null;
      }[]
    >;
  },

  /** Unsolved unassigned tickets: how many came in at or after each bound, and the oldest. */
  async unassignedAges(db: DbOrTrx, teamIds: number[] | null, bounds: string[]) {
    let query = db
      .selectFrom('tickets')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('n'),
        eb.fn.min<string | null>('created_at').as('oldest'),
        ...bounds.map((bound, i) =>
          eb.fn
            .sum<number | string | null>(eb.case().when('created_at', '>=', bound).then(1).else(0).end())
            .as(`after${i}`),
        ),
      ])
      .where('is_open', '=', OPEN)
      .where('assignee_id', 'is', null);
    if (teamIds) query = query.where('team_id', 'in', inTeams(teamIds));
    const row = (await query.executeTakeFirst()) as Record<string, number | string | null> | undefined;
    return {
      count: Number(row?.n ?? 0),
      oldest: (row?.oldest as string | null | undefined) ?? null,
      after: bounds.map((_, i) => Number(row?.[`after${i}`] ?? 0)),
    };
  },

  /** Unsolved tickets assigned to each of these people (one index range each). */
  async loads(db: DbOrTrx, userIds: number[]): Promise<Map<number, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('tickets')
      .select((eb) => ['assignee_id', eb.fn.countAll<number | string>().as('n')])
      .where('assignee_id', 'in', userIds)
      .where('is_open', '=', 1)
      .groupBy('assignee_id')
      .execute();
    return new Map(rows.map((r) => [r.assignee_id as number, Number(r.n)]));
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
    if (teamIds) query = query.where('team_id', 'in', inTeams(teamIds));
    return (await query.execute()).flatMap((r) => (r.solved_at ? [r.solved_at] : []));
  },
};

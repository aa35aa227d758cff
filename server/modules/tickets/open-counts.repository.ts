import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import { prepared } from '../../db/prepared';
import type { TicketStatus } from '../../db/schema';

/** Rows each (team, status, assignee) is spread over, by ticket id (migration 0047 writes the same). */
const SLOTS = 8;

const opened = prepared((db, p: { team_id: number; status: string; assignee_id: number; slot: number }) =>
  sql`insert into open_ticket_counts (team_id, status, assignee_id, slot, n)
      values (${p.team_id}, ${p.status}, ${p.assignee_id}, ${p.slot}, 1)
      on conflict (team_id, status, assignee_id, slot) do update set n = open_ticket_counts.n + 1`.compile(
    db,
  ),
);

/** The key of a ticket's count: none (null) as 0. */
const RECOUNT = sql`coalesce(team_id, 0) as team_id, status, coalesce(assignee_id, 0) as assignee_id`;

export interface OpenCountDifference {
  teamId: number | null;
  status: TicketStatus;
  assigneeId: number | null;
  counted: number;
  kept: number;
}

/**
 * The running counts of open tickets by team, status and assignee (`open_ticket_counts`,
 * migration 0047). Changes and deletes move them through triggers, and so do tickets opened on
 * PostgreSQL; on SQLite a ticket opened adds its one here, in the statement after its insert (a
 * trigger on the insert would open a statement journal, ADR 0010). Team and assignee 0 stand for
 * none.
 */
export const openCountsRepository = {
  /** Counts a ticket just inserted, when it is open (on SQLite; PostgreSQL's trigger does). */
  async opened(
    db: DbOrTrx,
    row: { id: number; team_id: number | null; status: string; assignee_id: number | null; is_open: number },
  ): Promise<void> {
    // Where a trigger costs the insert nothing, migration 0047's trigger on inserts counts it.
    if (row.is_open !== 1 || !adapterOf(db).insertTriggersOpenJournals) return;
    await opened.run(db, {
      team_id: row.team_id ?? 0,
      status: row.status,
      assignee_id: row.assignee_id ?? 0,
      slot: row.id % SLOTS,
    });
  },

  /** Counts every open ticket afresh, in place of the kept counts; writers wait until it commits. */
  async rebuild(trx: DbOrTrx): Promise<number> {
    await adapterOf(trx).lockTable(trx, 'open_ticket_counts');
    await trx.deleteFrom('open_ticket_counts').execute();
    await sql`insert into open_ticket_counts (team_id, status, assignee_id, slot, n)
      select coalesce(team_id, 0), status, coalesce(assignee_id, 0), id % ${sql.lit(SLOTS)}, count(*) from tickets
      where is_open = 1 group by coalesce(team_id, 0), status, coalesce(assignee_id, 0), id % ${sql.lit(SLOTS)}`.execute(
      trx,
    );
    const row = await trx
      .selectFrom('open_ticket_counts')
      .select((eb) => eb.fn.sum<number | string | null>('n').as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  /** Where the kept counts differ from a recount of the tickets, read in one statement (one snapshot). */
  async differences(db: DbOrTrx): Promise<OpenCountDifference[]> {
    const { rows } = await sql<{
      team_id: number;
      status: TicketStatus;
      assignee_id: number;
      counted: number | string;
      kept: number | string;
    }>`select team_id, status, assignee_id, sum(counted) as counted, sum(kept) as kept from (
        select ${RECOUNT}, count(*) as counted, 0 as kept from tickets where is_open = 1
          group by coalesce(team_id, 0), status, coalesce(assignee_id, 0)
        union all
        select team_id, status, assignee_id, 0 as counted, sum(n) as kept from open_ticket_counts
          group by team_id, status, assignee_id
      ) as both_counts
      group by team_id, status, assignee_id
      having sum(counted) <> sum(kept)
      order by team_id, status, assignee_id`.execute(db);
    return rows.map((r) => ({
      teamId: r.team_id === 0 ? null : Number(r.team_id),
      status: r.status,
      assigneeId: r.assignee_id === 0 ? null : Number(r.assignee_id),
      counted: Number(r.counted),
      kept: Number(r.kept),
    }));
  },
};

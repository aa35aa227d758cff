import type { TicketPriority } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';

export interface OldestUnassignedRow {
  id: number;
  subject: string;
  priority: TicketPriority;
  created_at: string;
  team_id: number | null;
}

/** What the home page reads beyond the queues' counts. */
export const workloadRepository = {
  /**
   * The unsolved ticket nobody has taken that has waited longest, of the given teams or of all:
   * the open-unassigned index walked in the order tickets came in.
   */
  oldestUnassigned(db: DbOrTrx, teamIds: number[] | null): Promise<OldestUnassignedRow | undefined> {
    let query = db
      .selectFrom('tickets')
      .select(['id', 'subject', 'priority', 'created_at', 'team_id'])
      .where('assignee_id', 'is', null)
      .where('is_open', '=', 1);
    if (teamIds) query = query.where('team_id', 'in', teamIds.length ? teamIds : [-1]);
    return query.orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
  },
};

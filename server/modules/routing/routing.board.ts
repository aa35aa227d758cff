import type { DbOrTrx } from '../../db/database';
import { toPresence } from './presence';
import { routingRepository as repo } from './routing.repository';

/** The teams a person leads (a team lead's board covers these). */
export function teamsLedBy(db: DbOrTrx, userId: number): Promise<number[]> {
  return repo.ledTeams(db, userId);
}

/** Active staff with their presence, of the given teams' members or everyone, by name. */
export async function staffWithPresence(db: DbOrTrx, teamIds: number[] | null) {
  const rows = await repo.staffPresence(db, teamIds);
  return rows.map((r) => ({ id: r.id, name: r.name, presence: toPresence(r) }));
}

export interface StandingAlert {
  teamId: number | null;
  teamName: string | null;
  afterMinutes: number | null;
  since: string;
  ticketIds: number[];
}

/**
 * Unassigned-ticket alerts that still stand (the ticket is unsolved and nobody took it), a team
 * an entry, the team whose alert has stood longest first; at most `limit` tickets are read.
 */
export async function standingUnassignedAlerts(
  db: DbOrTrx,
  teamIds: number[] | null,
  limit = 500,
): Promise<StandingAlert[]> {
  const byTeam = new Map<number | null, StandingAlert>();
  for (const row of await repo.standingAlerts(db, teamIds, limit)) {
    const alert = byTeam.get(row.team_id);
    if (alert) alert.ticketIds.push(row.ticket_id);
    else
      byTeam.set(row.team_id, {
        teamId: row.team_id,
        teamName: row.team_name,
        afterMinutes: row.alert_after_minutes,
        since: row.alerted_at,
        ticketIds: [row.ticket_id],
      });
  }
  return [...byTeam.values()];
}

import type { Db } from '../../db/database';
import { withSavepoint } from '../../db/savepoint';
import { clearJobFailure, dueJobFailures, recordJobFailure } from '../../platform/job-failures';
import { notifyUsers } from '../notifications';
import { routingRepository as repo } from './routing.repository';

/** The job's name: its failed items. */
export const UNASSIGNED_ALERTS_JOB = 'unassigned-alerts';
const BATCH = 200;

type Team = Awaited<ReturnType<typeof repo.alertingTeams>>[number];

/**
 * One ticket's alert in its own savepoint: claimed by inserting its row (a second node finds it
 * there and does nothing), then the team's lead is notified in the same transaction. A ticket
 * that fails is recorded (retried with backoff, then a dead letter) and the others go on.
 */
async function alertOne(db: Db, team: Team, ticketId: number, now: string, retry: boolean): Promise<boolean> {
  const item = {
    job: UNASSIGNED_ALERTS_JOB,
    key: `${team.id}:${ticketId}`,
    label: `Ticket ${ticketId}: unassigned alert to the lead of ${team.name}`,
  };
  return db.transaction().execute((trx) =>
    withSavepoint(
      trx,
      `alert_${ticketId}`,
      async () => {
        const claimed = await repo.claimAlert(trx, {
          ticketId,
          teamId: team.id,
          notifiedId: team.lead_id,
          now,
        });
        if (claimed && team.lead_id !== null)
          await notifyUsers(trx, [team.lead_id], {
            kind: 'unassigned_alert',
            ticketId,
            messageId: null,
            actorName: 'Steward',
            detail: `${team.name}, over ${team.alert_after_minutes} min`,
            now,
          });
        if (retry) await clearJobFailure(trx, UNASSIGNED_ALERTS_JOB, item.key);
        return claimed;
      },
      async (error) => {
        await recordJobFailure(trx, item, error);
        return false;
      },
    ),
  );
}

/**
 * The periodic alert job: every open ticket left unassigned in a team longer than the team's
 * threshold alerts the team's lead, once per ticket. Returns the alerts raised.
 */
export async function alertUnassignedTickets(db: Db, now = Date.now()): Promise<number> {
  const at = new Date(now).toISOString();
  const teams = await repo.alertingTeams(db);
  let raised = 0;
  for (const team of teams) {
    const before = new Date(now - (team.alert_after_minutes ?? 0) * 60_000).toISOString();
    for (const ticket of await repo.unalerted(db, team.id, before, BATCH))
      if (await alertOne(db, team, ticket.id, at, false)) raised++;
  }
  for (const failure of await dueJobFailures(db, UNASSIGNED_ALERTS_JOB, 20)) {
    const [teamId, ticketId] = failure.item_key.split(':').map(Number);
    const team = teams.find((t) => t.id === teamId);
    if (team && ticketId) {
      if (await alertOne(db, team, ticketId, at, true)) raised++;
    } else await clearJobFailure(db, UNASSIGNED_ALERTS_JOB, failure.item_key);
  }
  return raised;
}

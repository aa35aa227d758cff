// The service-level sweep's bench: BENCH_SLA_CLOCKS tickets (default 200,000) with running
// clocks whose warnings and breaches fall due over the next month, and how long one sweep takes
// to find what is due (through the next_check_at index) and to record a batch of breaches.
import type { Db } from '../server/db/database';
import { sweepServiceLevels } from '../server/modules/sla';

const CLOCKS = Number(process.env.BENCH_SLA_CLOCKS ?? 200_000);
const DUE = 200;
const HOUR = 3_600_000;

export interface SweepRow {
  target: string;
  scenario: string;
  ms: number;
}

/** A running first-reply clock, as the clocks keep it, due at `dueAt`. */
function clockJson(startedAt: number, dueAt: number): string {
  return JSON.stringify([
    {
      metric: 'first_reply',
      targetMs: dueAt - startedAt,
      business: false,
      startedAt,
      countedMs: 0,
      runningSince: startedAt,
      dueAt,
      warnAt: startedAt + Math.floor((dueAt - startedAt) * 0.75),
      warnedAt: startedAt,
      breachedAt: null,
      stoppedAt: null,
      outcome: null,
    },
  ]);
}

/** Clocks on the newest tickets: all but `DUE` of them fall due within the next 30 days. */
async function seedClocks(db: Db, policyId: number, now: number): Promise<void> {
  // The tickets the create runs opened have clocks of their own already.
  const newest = await db
    .selectFrom('tickets')
    .select('id')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('ticket_sla')
            .select('ticket_sla.ticket_id')
            .whereRef('ticket_sla.ticket_id', '=', 'tickets.id'),
        ),
      ),
    )
    .orderBy('id', 'desc')
    .limit(CLOCKS)
    .execute();
  for (let i = 0; i < newest.length; i += 1000) {
    const batch = newest.slice(i, i + 1000).map((row, j) => {
      const k = i + j;
      const due = k < DUE ? now - HOUR : now + HOUR + Math.floor((k / newest.length) * 30 * 24 * HOUR);
      return {
        ticket_id: row.id,
        policy_id: policyId,
        clocks: clockJson(due - 4 * HOUR, due),
        next_check_at: new Date(due).toISOString(),
        revision: 1,
        updated_at: new Date(now).toISOString(),
      };
    });
    await db.insertInto('ticket_sla').values(batch).execute();
  }
}

const time = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

/** Sweeps with nothing due (the median of 20: an index read) and with `DUE` breaches to record. */
export async function benchSweep(target: string, db: Db): Promise<SweepRow[]> {
  const policy = await db.selectFrom('sla_policies').select('id').orderBy('id').executeTakeFirstOrThrow();
  const now = Date.now();
  await seedClocks(db, policy.id, now);
  const quiet: number[] = [];
  // Before the due ones are recorded, "now" is set an hour and a half back: nothing is due then.
  for (let i = 0; i < 20; i += 1) quiet.push(await time(() => sweepServiceLevels(db, now - 90 * 60_000)));
  quiet.sort((a, b) => a - b);
  const busy = await time(() => sweepServiceLevels(db, now));
  const count = CLOCKS.toLocaleString('en');
  return [
    { target, scenario: `SLA sweep, ${count} running clocks, none due (median of 20)`, ms: quiet[10]! },
    { target, scenario: `SLA sweep, ${count} running clocks, ${DUE} breaches recorded`, ms: busy },
  ];
}

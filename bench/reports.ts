// The reports' benches on the generated two years: folding the history into the hourly
// aggregates (`rebuildAggregates`, timed), every KPI report for a 90-day period by team
// (`computeReport` in-process, p50/p95), the live board read (`benchBoard`), and what keeping
// the aggregates costs ticket writes: tickets opened through the tickets service with the
// `report-aggregates` fold run after every batch, against the same opens without it. Every
// fold's work is counted (the job has to fold each event once, or it falls behind), so the
// difference is the honest price per ticket, in wall time and in this process's CPU.
import { reportKinds } from '../contracts/reports';
import { createTicketBody } from '../contracts/tickets';
import type { Db } from '../server/db/database';
import { computeReport, foldAllEvents, foldNewEvents, rebuildAggregates } from '../server/modules/reports';
import { openTicket } from '../server/modules/tickets';
import { systemContext } from '../server/platform/auth/actor';
import { benchBoard } from './board';

const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 20);
const CREATES = Number(process.env.BENCH_FOLD_CREATES ?? 2000);
/** Tickets opened between two folds: about what the job finds every five seconds under load. */
const FOLD_EVERY = 100;
const DAY = 86_400_000;

export interface ReportRow {
  target: string;
  scenario: string;
  runs: number;
  p50: number;
  p95: number;
}

export interface KeepingRow {
  target: string;
  scenario: string;
  tickets: number;
  perSecond: number;
  cpuMsPerTicket: number;
}

const round = (ms: number) => Math.round(ms * 100) / 100;
const at = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** p50 and p95 of `runs` calls, after two unmeasured ones. */
export async function percentiles(runs: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 2; i++) await fn(i);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(i);
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { runs, p50: round(at(ms, 0.5)), p95: round(at(ms, 0.95)) };
}

/** Folds every generated event into the aggregates from scratch; returns the events and seconds. */
export async function foldGenerated(db: Db): Promise<{ events: number; seconds: number }> {
  const started = performance.now();
  const events = await rebuildAggregates(db, { settleMs: 0, batch: 10_000 });
  return { events, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Every KPI report for the last 90 days of one team, then the board reads. */
export async function benchReports(target: string, db: Db): Promise<ReportRow[]> {
  const team = await db.selectFrom('teams').select('id').orderBy('id').executeTakeFirstOrThrow();
  const now = Date.now();
  const filters = { from: dayOf(now - 90 * DAY), to: dayOf(now - DAY), tz: 'UTC', teamId: team.id };
  const rows: ReportRow[] = [];
  for (const kind of reportKinds) {
    const timed = await percentiles(RUNS, () => computeReport(db, kind, filters));
    rows.push({ target, scenario: `report ${kind}, 90 days, one team`, ...timed });
  }
  for (const board of await benchBoard(target, db))
    rows.push({
      ...board,
      runs: Number(process.env.BENCH_BOARD_READS ?? 60),
      p50: round(board.p50),
      p95: round(board.p95),
    });
  return rows;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Opens `count` tickets, each in its own transaction as a request would, folding after every batch when asked. */
async function openMany(db: Db, count: number, fold: boolean, tag: string) {
  const ctx = systemContext('Bench');
  const wall = performance.now();
  const cpu = cpuMs();
  for (let i = 0; i < count; i++) {
    const input = createTicketBody.parse({
      subject: `Kettle stopped working ${tag}-${i}`,
      requester: { email: `keeping${i % 500}@customers.example`, name: `Keeping ${i % 500}` },
      message: { body: `My kettle stopped working after ${i % 30} days. Order SO-${i}.` },
      priority: 'normal',
    });
    await db.transaction().execute((trx) => openTicket(trx, ctx, input));
    if (fold && (i + 1) % FOLD_EVERY === 0) await foldNewEvents(db, { settleMs: 0 });
  }
  if (fold) await foldAllEvents(db, { settleMs: 0 });
  return { seconds: (performance.now() - wall) / 1000, cpu: cpuMs() - cpu };
}

/** Ticket opens with and without the aggregates kept, alternating in rounds so the machine's load evens out. */
export async function benchAggregateKeeping(target: string, db: Db): Promise<KeepingRow[]> {
  await foldAllEvents(db, { settleMs: 0 });
  const rounds = 4;
  const per = Math.max(FOLD_EVERY, Math.round(CREATES / rounds / FOLD_EVERY) * FOLD_EVERY);
  const totals = { plain: { seconds: 0, cpu: 0 }, kept: { seconds: 0, cpu: 0 } };
  for (let r = 0; r < rounds; r++) {
    for (const mode of r % 2 === 0 ? (['plain', 'kept'] as const) : (['kept', 'plain'] as const)) {
      const run = await openMany(db, per, mode === 'kept', `${mode}${r}`);
      totals[mode].seconds += run.seconds;
      totals[mode].cpu += run.cpu;
    }
    // Whatever the plain runs left unfolded is folded between rounds, outside the timing.
    await foldAllEvents(db, { settleMs: 0 });
  }
  const tickets = per * rounds;
  const row = (scenario: string, t: { seconds: number; cpu: number }): KeepingRow => ({
    target,
    scenario,
    tickets,
    perSecond: Math.round(tickets / t.seconds),
    cpuMsPerTicket: round(t.cpu / tickets),
  });
  const plain = row('ticket opens, aggregates not kept', totals.plain);
  const kept = row(`ticket opens, report-aggregates fold after every ${FOLD_EVERY}`, totals.kept);
  /** The change from `base` to `kept`, signed, as a percentage of `base` (noise can make it negative). */
  const change = (base: number, other: number) => {
    const pct = ((other - base) / base) * 100;
    return `${pct > 0 ? '+' : ''}${pct.toFixed(1)}%`;
  };
  return [
    plain,
    kept,
    {
      target,
      scenario: `aggregate-keeping cost: opens a second ${change(plain.perSecond, kept.perSecond)}, CPU per ticket ${change(plain.cpuMsPerTicket, kept.cpuMsPerTicket)}`,
      tickets,
      perSecond: kept.perSecond - plain.perSecond,
      cpuMsPerTicket: round(kept.cpuMsPerTicket - plain.cpuMsPerTicket),
    },
  ];
}

/** The reports' and the aggregate-keeping tables, after run.ts's others. */
export function printReportTables(reports: ReportRow[], keeping: KeepingRow[]): void {
  console.log('\n| target | reports, board and feedback inbox (in-process) | runs | p50 ms | p95 ms |');
  console.log('|---|---|---:|---:|---:|');
  for (const r of reports) console.log(`| ${r.target} | ${r.scenario} | ${r.runs} | ${r.p50} | ${r.p95} |`);
  console.log(
    '\n| target | keeping the report aggregates (in-process) | tickets | opens/s | CPU ms/ticket |',
  );
  console.log('|---|---|---:|---:|---:|');
  for (const r of keeping)
    console.log(`| ${r.target} | ${r.scenario} | ${r.tickets} | ${r.perSecond} | ${r.cpuMsPerTicket} |`);
}

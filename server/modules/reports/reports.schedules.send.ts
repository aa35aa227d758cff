// Sending scheduled reports: a job finds due schedules, claims each (schedule, period) by
// inserting its run row (unique, so across nodes a period is sent once), queues one mail per
// recipient with the headline figures and the CSV attached, and moves the schedule on. A failed
// send is recorded on its run, retried, then kept as a dead letter; other schedules go on.
import type { ReportFilters, ReportKind } from '../../../contracts/reports';
import type { Db, DbOrTrx } from '../../db/database';
import { addMinutes, nowIso } from '../../platform/clock';
import { recordJobFailure } from '../../platform/job-failures';
import { enqueueMail } from '../../platform/mail/outbox';
import { computeReport, zoneOf } from './reports.compute';
import { type RunRow, schedulesRepository as repo, type ScheduleRow } from './reports.schedules.repository';
import {
  type Cadenced,
  localDateOf,
  MAX_RUN_ATTEMPTS,
  nextSlot,
  periodOfSend,
  RUN_RETRY_MINUTES,
  summaryMail,
} from './reports.schedules.rules';
import { reportCsv } from './reports.service';

export const REPORT_SCHEDULES_JOB = 'report-schedules';

export const cadencedOf = (
  row: Pick<ScheduleRow, 'cadence' | 'weekday' | 'month_day' | 'hour'>,
): Cadenced => ({
  cadence: row.cadence,
  weekday: row.weekday,
  monthDay: row.month_day,
  hour: row.hour,
});

/** Where a schedule's mail goes: its staff users' addresses (active ones) and its plain addresses. */
export async function recipientsOf(db: DbOrTrx, row: ScheduleRow): Promise<string[]> {
  const users = await repo.staffUsers(db, JSON.parse(row.user_ids) as number[]);
  return [...new Set([...users.map((u) => u.email.toLowerCase()), ...(JSON.parse(row.emails) as string[])])];
}

/** Computes the report and queues its mails, in one transaction with the run's success. */
async function deliver(db: Db, row: ScheduleRow, run: RunRow, nowMs: number): Promise<void> {
  const filters = { ...JSON.parse(row.filters), from: run.period_from, to: run.period_to } as ReportFilters;
  try {
    const report = await computeReport(db, row.report as ReportKind, filters);
    const csv = reportCsv(report);
    const mail = summaryMail(row.name, report);
    const file = {
      filename: `${row.report}-${report.period.from}-${report.period.to}.csv`,
      contentType: 'text/csv; charset=utf-8',
      content: csv,
    };
    await db.transaction().execute(async (trx) => {
      const to = await recipientsOf(trx, row);
      if (to.length === 0) throw new Error('The schedule has no recipient left');
      for (const address of to)
        await enqueueMail(trx, { to: address, ...mail, files: [file], kind: 'scheduled_report' });
      await repo.finishRun(trx, run.id, {
        status: 'sent',
        attempts: run.attempts + 1,
        error: null,
        recipients: to.length,
        finished_at: nowIso(),
      });
    });
  } catch (error) {
    await failRun(db, row, run, error, new Date(nowMs).toISOString());
  }
}

async function failRun(db: Db, row: ScheduleRow, run: RunRow, error: unknown, now: string): Promise<void> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  const attempts = run.attempts + 1;
  const dead = attempts >= MAX_RUN_ATTEMPTS;
  await db.transaction().execute(async (trx) => {
    await repo.finishRun(trx, run.id, {
      status: dead ? 'dead' : 'failed',
      attempts,
      error: message,
      next_attempt_at: dead ? null : addMinutes(now, RUN_RETRY_MINUTES[attempts - 1]!),
      finished_at: dead ? now : null,
    });
    if (dead)
      await recordJobFailure(
        trx,
        {
          job: REPORT_SCHEDULES_JOB,
          key: String(run.id),
          label: `Scheduled report "${row.name}" for ${run.period_key ?? 'a test send'}`,
        },
        message,
        { final: true, attempts, now },
      );
  });
}

/** A run row for a period (null: a test send, which never uses up a period). */
function runValues(row: ScheduleRow, periodKey: string | null, period: { from: string; to: string }) {
  return {
    schedule_id: row.id,
    period_key: periodKey,
    status: 'sending' as const,
    attempts: 0,
    error: null,
    period_from: period.from,
    period_to: period.to,
    recipients: 0,
    next_attempt_at: null,
    created_at: nowIso(),
    finished_at: null,
  };
}

/** A send now, outside the schedule: the period the next send would cover if it were today. */
export async function sendTest(db: Db, row: ScheduleRow, nowMs = Date.now()): Promise<RunRow> {
  const tz = await zoneOf(db, undefined);
  const today = localDateOf(nowMs, tz);
  const id = (await repo.claim(db, runValues(row, null, periodOfSend(row.cadence, today))))!;
  await deliver(db, row, (await repo.findRun(db, id))!, nowMs);
  return (await repo.findRun(db, id))!;
}

/** One due schedule: claim its period, move it on, send. */
async function sendDue(db: Db, row: ScheduleRow, tz: string, nowMs: number): Promise<boolean> {
  const dueAt = row.next_run_at!;
  const periodKey = localDateOf(Date.parse(dueAt), tz);
  const runId = await repo.claim(db, runValues(row, periodKey, periodOfSend(row.cadence, periodKey)));
  // Missed sends (the service was down) collapse into this one: the next is after now.
  await repo.advance(db, row.id, dueAt, new Date(nextSlot(cadencedOf(row), tz, nowMs).at).toISOString());
  if (runId === undefined) return false;
  await deliver(db, row, (await repo.findRun(db, runId))!, nowMs);
  return true;
}

/** The job: due schedules, then due retries. Returns how many runs it sent or retried. */
export async function sendDueSchedules(db: Db, nowMs = Date.now()): Promise<number> {
  const now = new Date(nowMs).toISOString();
  const tz = await zoneOf(db, undefined);
  let done = 0;
  for (const row of await repo.due(db, now, 20)) if (await sendDue(db, row, tz, nowMs)) done += 1;
  for (const run of await repo.dueRetries(db, now, 20)) {
    const row = await repo.find(db, run.schedule_id);
    if (!row || !(await repo.retake(db, run))) continue;
    await deliver(db, row, { ...run, status: 'sending' }, nowMs);
    done += 1;
  }
  return done;
}

/** The next send of a schedule from now, in the department's zone (null when paused). */
export async function nextRunOf(db: DbOrTrx, c: Cadenced, active: boolean, nowMs = Date.now()) {
  if (!active) return null;
  return new Date(nextSlot(c, await zoneOf(db, undefined), nowMs).at).toISOString();
}

import type { z } from 'zod';
import type {
  createReportScheduleBody,
  ReportSchedule,
  ScheduleRun,
  updateReportScheduleBody,
} from '../../../contracts/report-delivery';
import type { ReportKind } from '../../../contracts/reports';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { zoneOf } from './reports.compute';
import { type RunRow, schedulesRepository as repo, type ScheduleRow } from './reports.schedules.repository';
import { cadencedOf, nextRunOf, sendTest } from './reports.schedules.send';

type CreateBody = z.output<typeof createReportScheduleBody>;
type UpdateBody = z.output<typeof updateReportScheduleBody>;

export function runView(r: RunRow): ScheduleRun {
  return {
    id: r.id,
    periodKey: r.period_key,
    test: r.period_key === null,
    status: r.status,
    attempts: r.attempts,
    error: r.error,
    from: r.period_from,
    to: r.period_to,
    recipients: r.recipients,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

async function scheduleView(db: DbOrTrx, row: ScheduleRow, last: RunRow | undefined, tz: string) {
  const users = await repo.staffUsers(db, JSON.parse(row.user_ids) as number[]);
  const view: ReportSchedule = {
    id: row.id,
    name: row.name,
    report: row.report as ReportKind,
    filters: JSON.parse(row.filters) as ReportSchedule['filters'],
    cadence: row.cadence,
    weekday: row.weekday,
    monthDay: row.month_day,
    hour: row.hour,
    timezone: tz,
    recipients: { users, emails: JSON.parse(row.emails) as string[] },
    active: row.active === 1,
    nextRunAt: row.next_run_at,
    lastRun: last ? runView(last) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  return view;
}

/** Every user id must be an active staff user. */
async function checkUsers(db: DbOrTrx, ids: number[]) {
  const found = new Set((await repo.staffUsers(db, ids)).map((u) => u.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw new AppError('VALIDATION_FAILED', 'Recipients must be active staff users', {
      field: 'userIds',
      missing,
    });
}

/** The stored columns of a schedule's settings; the day fields the cadence does not use are cleared. */
function columnsOf(b: Required<Omit<CreateBody, 'filters'>> & { filters: CreateBody['filters'] }) {
  return {
    name: b.name,
    report: b.report,
    filters: JSON.stringify(b.filters),
    cadence: b.cadence,
    weekday: b.cadence === 'weekly' ? b.weekday : null,
    month_day: b.cadence === 'monthly' ? b.monthDay : null,
    hour: b.hour,
    user_ids: JSON.stringify([...new Set(b.userIds)]),
    emails: JSON.stringify([...new Set(b.emails)]),
    active: b.active ? 1 : 0,
  };
}

const bodyOf = (row: ScheduleRow): CreateBody => ({
  name: row.name,
  report: row.report as ReportKind,
  filters: JSON.parse(row.filters) as CreateBody['filters'],
  cadence: row.cadence,
  weekday: row.weekday,
  monthDay: row.month_day,
  hour: row.hour,
  userIds: JSON.parse(row.user_ids) as number[],
  emails: JSON.parse(row.emails) as string[],
  active: row.active === 1,
});

/** Stores a schedule with its first send worked out (the service's create, and demo data). */
export async function insertSchedule(
  db: DbOrTrx,
  body: CreateBody,
  createdBy: number | null,
  nowMs = Date.now(),
): Promise<number> {
  const cols = columnsOf(body);
  const now = new Date(nowMs).toISOString();
  return repo.insert(db, {
    ...cols,
    next_run_at: await nextRunOf(db, cadencedOf(cols), body.active, nowMs),
    created_by: createdBy,
    created_at: now,
    updated_at: now,
  });
}

export function schedulesService({ db }: AppDeps) {
  const load = async (id: number) => {
    const row = await repo.find(db, id);
    if (!row) throw notFound('REPORT_SCHEDULE_NOT_FOUND', 'The scheduled report');
    return row;
  };
  const view = async (trx: DbOrTrx, id: number) => {
    const row = (await repo.find(trx, id))!;
    return scheduleView(trx, row, (await repo.lastRuns(trx, [id])).get(id), await zoneOf(trx, undefined));
  };

  return {
    async list(ctx: RequestContext): Promise<{ items: ReportSchedule[] }> {
      authorize(ctx.actor, 'reports.manage');
      const rows = await repo.list(db);
      const last = await repo.lastRuns(
        db,
        rows.map((r) => r.id),
      );
      const tz = await zoneOf(db, undefined);
      return { items: await Promise.all(rows.map((r) => scheduleView(db, r, last.get(r.id), tz))) };
    },

    async create(ctx: RequestContext, body: CreateBody): Promise<ReportSchedule> {
      authorize(ctx.actor, 'reports.manage');
      await checkUsers(db, body.userIds);
      await zoneOf(db, body.filters.tz);
      return db.transaction().execute(async (trx) => {
        const id = await insertSchedule(trx, body, ctx.actor.type === 'user' ? ctx.actor.id : null);
        await recordAudit(trx, ctx, {
          action: 'reports.schedule_created',
          entityType: 'report_schedule',
          entityId: id,
          after: { name: body.name, report: body.report, cadence: body.cadence },
        });
        return view(trx, id);
      });
    },

    async update(ctx: RequestContext, id: number, patch: UpdateBody): Promise<ReportSchedule> {
      authorize(ctx.actor, 'reports.manage');
      const before = await load(id);
      const merged = { ...bodyOf(before), ...patch };
      if (merged.cadence === 'weekly' && merged.weekday === null)
        throw new AppError('VALIDATION_FAILED', 'A weekly report needs a weekday', { field: 'weekday' });
      if (merged.cadence === 'monthly' && merged.monthDay === null)
        throw new AppError('VALIDATION_FAILED', 'A monthly report needs a day of the month', {
          field: 'monthDay',
        });
      if (merged.userIds.length + merged.emails.length === 0)
        throw new AppError('VALIDATION_FAILED', 'A scheduled report needs a recipient', { field: 'emails' });
      if (patch.userIds) await checkUsers(db, patch.userIds);
      if (patch.filters) await zoneOf(db, patch.filters.tz);
      const cols = columnsOf(merged);
      return db.transaction().execute(async (trx) => {
        await repo.update(trx, id, {
          ...cols,
          next_run_at: await nextRunOf(trx, cadencedOf({ ...before, ...cols }), merged.active),
          updated_at: nowIso(),
        });
        await recordAudit(trx, ctx, {
          action: 'reports.schedule_updated',
          entityType: 'report_schedule',
          entityId: id,
          before: {
            name: before.name,
            cadence: before.cadence,
            hour: before.hour,
            active: before.active === 1,
          },
          after: { name: merged.name, cadence: merged.cadence, hour: merged.hour, active: merged.active },
        });
        return view(trx, id);
      });
    },

    async remove(ctx: RequestContext, id: number): Promise<void> {
      authorize(ctx.actor, 'reports.manage');
      const before = await load(id);
      await db.transaction().execute(async (trx) => {
        await repo.remove(trx, id);
        await recordAudit(trx, ctx, {
          action: 'reports.schedule_deleted',
          entityType: 'report_schedule',
          entityId: id,
          before: { name: before.name },
        });
      });
    },

    async runs(ctx: RequestContext, id: number): Promise<{ items: ScheduleRun[] }> {
      authorize(ctx.actor, 'reports.manage');
      await load(id);
      return { items: (await repo.runs(db, id, 50)).map(runView) };
    },

    /** A test send now, to the schedule's recipients; the schedule's own sends are untouched. */
    async sendNow(ctx: RequestContext, id: number): Promise<ScheduleRun> {
      authorize(ctx.actor, 'reports.manage');
      return runView(await sendTest(db, await load(id)));
    },
  };
}

export type SchedulesService = ReturnType<typeof schedulesService>;

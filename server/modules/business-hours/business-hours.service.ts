import type { z } from 'zod';
import type {
  BusinessCalendar,
  CalendarPreview,
  createCalendarBody,
  importHolidaysBody,
  OpeningHoursInput,
  previewQuery,
  updateCalendarBody,
} from '../../../contracts/business-hours';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import {
  type CalendarRow,
  type HolidayRow,
  businessHoursRepository as repo,
} from './business-hours.repository';
import {
  type Calendar,
  clockOf,
  compileCalendar,
  dateOfDay,
  isHoliday,
  minutesOf,
  openStretches,
  openTimeBetween,
  weekdayOfDay,
} from './business-hours.rules';
import { holidaysFromIcs } from './holidays.ics';
import { offsetAt, wallClockOf } from './local-time';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A week with no holidays, for counting a calendar's ordinary weekly hours: 2023-01-01 was a Sunday. */
const PLAIN_WEEK = Date.UTC(2023, 0, 1);

const calendarNotFound = (id: number) => notFound('CALENDAR_NOT_FOUND', `Business-hours calendar ${id}`);

function hoursOf(row: CalendarRow): OpeningHoursInput[] {
  return JSON.parse(row.hours) as OpeningHoursInput[];
}

function rulesOf(row: CalendarRow, holidays: readonly HolidayRow[]) {
  return {
    timezone: row.timezone,
    hours: hoursOf(row).map((h) => ({ day: h.day, start: minutesOf(h.start), end: minutesOf(h.end) })),
    holidays: holidays.map((h) => ({ date: h.date, yearly: h.yearly === 1 })),
  };
}

/** Open minutes in an ordinary week, on a clock with no zone or holidays. */
function weeklyMinutes(row: CalendarRow): number {
  const plain = compileCalendar({ ...rulesOf(row, []), timezone: 'UTC' });
  return Math.round(openTimeBetween(plain, PLAIN_WEEK, PLAIN_WEEK + 7 * DAY) / MINUTE);
}

function toCalendar(row: CalendarRow, holidays: readonly HolidayRow[]): BusinessCalendar {
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    isDefault: row.is_default === 1,
    hours: hoursOf(row),
    holidays: holidays.map((h) => ({ date: h.date, name: h.name, yearly: h.yearly === 1 })),
    weeklyMinutes: weeklyMinutes(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Opening hours in day order; two stretches on one day may not overlap. */
function checkedHours(hours: readonly OpeningHoursInput[]): string {
  const sorted = hours
    .map((h, index) => ({ ...h, index, from: minutesOf(h.start), to: minutesOf(h.end) }))
    .sort((a, b) => a.day - b.day || a.from - b.from);
  for (let i = 1; i < sorted.length; i += 1) {
    const [before, after] = [sorted[i - 1]!, sorted[i]!];
    const beforeEnd = before.to <= before.from ? 1440 : before.to;
    if (before.day === after.day && after.from < beforeEnd) {
      throw new AppError('VALIDATION_FAILED', 'Opening hours on one day overlap', [
        { path: ['hours', after.index], message: `Overlaps ${before.start}–${before.end}` },
      ]);
    }
  }
  return JSON.stringify(sorted.map(({ day, start, end }) => ({ day, start, end })));
}

/** A calendar written as history (seeding): the hours checked as the API checks them, the first one the default. */
export async function insertCalendarRow(
  db: DbOrTrx,
  input: {
    name: string;
    timezone: string;
    hours: readonly OpeningHoursInput[];
    holidays: readonly { date: string; name: string; yearly: boolean }[];
    now: string;
  },
): Promise<number> {
  const first = !(await repo.findDefault(db));
  const id = await repo.insert(db, {
    ...input,
    hours: checkedHours(input.hours),
    isDefault: first,
    now: input.now,
  });
  await repo.replaceHolidays(db, id, input.holidays);
  return id;
}

/** The name and zone of a calendar (the default when `id` is null), for showing which one clocks run on. */
export async function calendarRef(db: DbOrTrx, id: number | null) {
  const row = id === null ? await repo.findDefault(db) : await repo.findById(db, id);
  return row ? { id: row.id, name: row.name, timezone: row.timezone } : null;
}

/** Compiled calendars by id, kept while the row's `updated_at` (moved by every change, holidays too) is the same. */
const compiled = new Map<number, { stamp: string; calendar: Calendar }>();

/**
 * A calendar as the clocks use it: the one given, or the default; null when there is none.
 * Every ticket change under a policy asks for it, so a calendar is compiled once per change of it.
 */
export async function loadCalendar(db: DbOrTrx, id: number | null): Promise<Calendar | null> {
  const row = id === null ? await repo.findDefault(db) : await repo.findById(db, id);
  if (!row) return null;
  const stamp = `${row.updated_at}|${row.timezone}|${row.hours}`;
  const kept = compiled.get(row.id);
  if (kept?.stamp === stamp) return kept.calendar;
  const calendar = compileCalendar(rulesOf(row, await repo.holidays(db, [row.id])));
  if (compiled.size > 100) compiled.clear();
  compiled.set(row.id, { stamp, calendar });
  return calendar;
}

/** Open stretches of real time with pieces that touch joined (they are cut at zone and year changes). */
function joined(stretches: Iterable<[number, number]>): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of stretches) {
    const last = out.at(-1);
    if (last && last[1] === s) last[1] = e;
    else out.push([s, e]);
  }
  return out;
}

/** A wall-clock reading as "HH:MM" of its day; a stretch that ends at the next midnight ends at "24:00". */
function clockAt(timezone: string, at: number, endOfStretch: boolean): string {
  const minutes = Math.round((((wallClockOf(timezone, at) % DAY) + DAY) % DAY) / MINUTE);
  return clockOf(endOfStretch && minutes === 0 ? 1440 : minutes);
}

/** What the calendar shows for `days` days from a date in its zone: the open stretches and holidays. */
function preview(
  row: CalendarRow,
  holidays: HolidayRow[],
  from: string | undefined,
  days: number,
): CalendarPreview {
  const calendar = compileCalendar(rulesOf(row, holidays));
  const firstDay = from
    ? Math.floor(Date.parse(`${from}T00:00:00Z`) / DAY)
    : Math.floor(wallClockOf(row.timezone, Date.now()) / DAY);
  const names = new Map(holidays.map((h) => [h.yearly ? h.date.slice(5) : h.date, h.name]));
  // Real time wide enough around the wall-clock days for any offset; each stretch shown on the day it starts.
  const span = [firstDay * DAY, (firstDay + days) * DAY].map(
    (wall) => wall - offsetAt(row.timezone, wall) * MINUTE,
  ) as [number, number];
  const stretches = joined(openStretches(calendar, span[0] - DAY, span[1] + DAY));
  const result = Array.from({ length: days }, (_, i) => {
    const day = firstDay + i;
    const date = dateOfDay(day);
    const open = stretches
      .filter(([s]) => Math.floor(wallClockOf(row.timezone, s) / DAY) === day)
      .map(([s, e]) => ({
        start: new Date(s).toISOString(),
        end: new Date(e).toISOString(),
        localStart: clockAt(row.timezone, s, false),
        localEnd: clockAt(row.timezone, e, true),
      }));
    const holiday = isHoliday(calendar, date)
      ? (names.get(date) ?? names.get(date.slice(5)) ?? 'Holiday')
      : null;
    return { date, weekday: weekdayOfDay(day), holiday, open };
  });
  return {
    timezone: row.timezone,
    openMinutes: Math.round(openTimeBetween(calendar, span[0], span[1]) / MINUTE),
    days: result,
  };
}

export function businessHoursService({ db }: AppDeps) {
  async function load(trx: DbOrTrx, id: number): Promise<BusinessCalendar> {
    const row = await repo.findById(trx, id);
    if (!row) throw calendarNotFound(id);
    return toCalendar(row, await repo.holidays(trx, [id]));
  }

  async function assertNameFree(trx: DbOrTrx, name: string, selfId: number | null) {
    const holder = await repo.findByName(trx, name);
    if (holder && holder.id !== selfId)
      throw new AppError('CALENDAR_NAME_TAKEN', `A calendar named "${name}" exists`, [
        { path: ['name'], message: 'Already in use' },
      ]);
  }

  return {
    async list(ctx: RequestContext) {
      authorize(ctx.actor, 'business-hours.read');
      const rows = await repo.list(db);
      const holidays = await repo.holidays(
        db,
        rows.map((r) => r.id),
      );
      return {
        data: rows.map((r) =>
          toCalendar(
            r,
            holidays.filter((h) => h.calendar_id === r.id),
          ),
        ),
      };
    },

    async get(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'business-hours.read');
      return load(db, id);
    },

    async create(ctx: RequestContext, input: z.output<typeof createCalendarBody>) {
      authorize(ctx.actor, 'business-hours.manage');
      const hours = checkedHours(input.hours);
      return db.transaction().execute(async (trx) => {
        await assertNameFree(trx, input.name, null);
        const first = !(await repo.findDefault(trx));
        const id = await repo.insert(trx, { ...input, hours, isDefault: first, now: nowIso() });
        if (input.isDefault && !first) await repo.makeDefault(trx, id);
        await repo.replaceHolidays(trx, id, input.holidays);
        const after = await load(trx, id);
        await recordAudit(trx, ctx, {
          action: 'business_hours.created',
          entityType: 'business_calendar',
          entityId: id,
          after: { name: after.name, timezone: after.timezone, isDefault: after.isDefault },
        });
        return after;
      });
    },

    async update(ctx: RequestContext, id: number, input: z.output<typeof updateCalendarBody>) {
      authorize(ctx.actor, 'business-hours.manage');
      const hours = input.hours ? checkedHours(input.hours) : undefined;
      return db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        if (input.name !== undefined) await assertNameFree(trx, input.name, id);
        await repo.update(trx, id, { name: input.name, timezone: input.timezone, hours, now: nowIso() });
        if (input.isDefault) await repo.makeDefault(trx, id);
        if (input.holidays) await repo.replaceHolidays(trx, id, input.holidays);
        const after = await load(trx, id);
        await recordAudit(trx, ctx, {
          action: 'business_hours.updated',
          entityType: 'business_calendar',
          entityId: id,
          before: {
            name: before.name,
            timezone: before.timezone,
            isDefault: before.isDefault,
            weeklyMinutes: before.weeklyMinutes,
            holidays: before.holidays.length,
          },
          after: {
            name: after.name,
            timezone: after.timezone,
            isDefault: after.isDefault,
            weeklyMinutes: after.weeklyMinutes,
            holidays: after.holidays.length,
          },
        });
        return after;
      });
    },

    async remove(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'business-hours.manage');
      await db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        if (before.isDefault)
          throw new AppError(
            'CALENDAR_IS_DEFAULT',
            'The default calendar stays: make another one the default first',
          );
        await repo.remove(trx, id);
        await recordAudit(trx, ctx, {
          action: 'business_hours.deleted',
          entityType: 'business_calendar',
          entityId: id,
          before: { name: before.name },
        });
      });
    },

    async importHolidays(ctx: RequestContext, id: number, input: z.output<typeof importHolidaysBody>) {
      authorize(ctx.actor, 'business-hours.manage');
      const imported = holidaysFromIcs(input.ics);
      return db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        const kept = input.replace ? [] : before.holidays;
        const byDate = new Map(kept.map((h) => [h.date, h]));
        for (const h of imported) if (!byDate.has(h.date)) byDate.set(h.date, h);
        const holidays = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
        if (holidays.length > 500)
          throw new AppError('VALIDATION_FAILED', 'A calendar keeps at most 500 holidays', [
            { path: ['ics'], message: 'Too many holidays' },
          ]);
        await repo.replaceHolidays(trx, id, holidays);
        await repo.update(trx, id, { now: nowIso() });
        await recordAudit(trx, ctx, {
          action: 'business_hours.holidays_imported',
          entityType: 'business_calendar',
          entityId: id,
          changes: { holidays: { before: before.holidays.length, after: holidays.length } },
        });
        return load(trx, id);
      });
    },

    async preview(ctx: RequestContext, id: number, query: z.output<typeof previewQuery>) {
      authorize(ctx.actor, 'business-hours.read');
      const row = await repo.findById(db, id);
      if (!row) throw calendarNotFound(id);
      return preview(row, await repo.holidays(db, [id]), query.from, query.days);
    },
  };
}

export type BusinessHoursService = ReturnType<typeof businessHoursService>;

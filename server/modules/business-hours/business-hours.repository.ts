import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { prepared } from '../../db/prepared';
import type { BusinessCalendarsTable, BusinessHolidaysTable } from '../../db/schema';

export type CalendarRow = Selectable<BusinessCalendarsTable>;
export type HolidayRow = Selectable<BusinessHolidaysTable>;

export interface CalendarValues {
  name: string;
  timezone: string;
  hours: string;
}

// Every ticket change under a policy reads its calendar: statements built once.
const byIdQuery = prepared((db, p: { id: number }) =>
  db.selectFrom('business_calendars').selectAll().where('id', '=', p.id),
);
const defaultQuery = prepared((db, _p: Record<string, never>) =>
  db.selectFrom('business_calendars').selectAll().where('is_default', '=', 1),
);

export const businessHoursRepository = {
  list(db: DbOrTrx): Promise<CalendarRow[]> {
    return db
      .selectFrom('business_calendars')
      .selectAll()
      .orderBy('is_default', 'desc')
      .orderBy('name')
      .execute();
  },

  findById(db: DbOrTrx, id: number): Promise<CalendarRow | undefined> {
    return byIdQuery.first(db, { id });
  },

  findByName(db: DbOrTrx, name: string): Promise<CalendarRow | undefined> {
    return db.selectFrom('business_calendars').selectAll().where('name', '=', name).executeTakeFirst();
  },

  findDefault(db: DbOrTrx): Promise<CalendarRow | undefined> {
    return defaultQuery.first(db, {});
  },

  holidays(db: DbOrTrx, calendarIds: number[]): Promise<HolidayRow[]> {
    if (calendarIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('business_holidays')
      .selectAll()
      .where('calendar_id', 'in', calendarIds)
      .orderBy('date')
      .orderBy('id')
      .execute();
  },

  async insert(db: DbOrTrx, values: CalendarValues & { isDefault: boolean; now: string }): Promise<number> {
    const row = await db
      .insertInto('business_calendars')
      .values({
        name: values.name,
        timezone: values.timezone,
        hours: values.hours,
        is_default: values.isDefault ? 1 : 0,
        created_at: values.now,
        updated_at: values.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(db: DbOrTrx, id: number, values: Partial<CalendarValues> & { now: string }): Promise<void> {
    await db
      .updateTable('business_calendars')
      .set({ name: values.name, timezone: values.timezone, hours: values.hours, updated_at: values.now })
      .where('id', '=', id)
      .execute();
  },

  /** Makes one calendar the default and every other one not. */
  async makeDefault(db: DbOrTrx, id: number): Promise<void> {
    await db.updateTable('business_calendars').set({ is_default: 0 }).where('id', '!=', id).execute();
    await db.updateTable('business_calendars').set({ is_default: 1 }).where('id', '=', id).execute();
  },

  async remove(db: DbOrTrx, id: number): Promise<void> {
    await db.deleteFrom('business_holidays').where('calendar_id', '=', id).execute();
    await db.deleteFrom('business_calendars').where('id', '=', id).execute();
  },

  async replaceHolidays(
    db: DbOrTrx,
    calendarId: number,
    holidays: readonly { date: string; name: string; yearly: boolean }[],
  ): Promise<void> {
    await db.deleteFrom('business_holidays').where('calendar_id', '=', calendarId).execute();
    if (holidays.length === 0) return;
    await db
      .insertInto('business_holidays')
      .values(
        holidays.map((h) => ({
          calendar_id: calendarId,
          date: h.date,
          name: h.name,
          yearly: h.yearly ? 1 : 0,
        })),
      )
      .execute();
  },
};

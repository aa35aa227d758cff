import { z } from 'zod';
import { isoTimestamp } from './common';
import { lineText } from './text';

/** An IANA time zone the runtime knows ("Europe/London"). */
export const timeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(
    (value) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: value });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'Not a known time zone: use a name like Europe/London' },
  );

/** A wall-clock time, "09:30"; "24:00" closes at midnight. */
export const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'A time like 09:30');

export const weekdays = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export const openingHoursSchema = z
  .object({
    day: z.number().int().min(0).max(6).describe('0 Sunday … 6 Saturday'),
    start: clockTime,
    end: clockTime.describe('At or before the start: the hours run past midnight into the next day'),
  })
  .strict()
  .refine((h) => h.start !== '24:00', { message: 'Opening hours start before midnight', path: ['start'] });
export type OpeningHoursInput = z.infer<typeof openingHoursSchema>;

export const holidayDate = z
  .string()
  .regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, 'A date like 2026-12-25')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'Not a calendar date',
    },
  );

export const holidayInput = z
  .object({
    date: holidayDate,
    name: lineText(120),
    yearly: z.boolean().default(false).describe('Closed on this month and day every year'),
  })
  .strict();

export const holidaySchema = z.object({
  date: z.string(),
  name: z.string(),
  yearly: z.boolean(),
});
export type HolidayEntry = z.infer<typeof holidaySchema>;

export const calendarSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    timezone: z.string(),
    isDefault: z.boolean(),
    hours: z.array(z.object({ day: z.number(), start: z.string(), end: z.string() })),
    holidays: z.array(holidaySchema),
    weeklyMinutes: z.number().describe('Open minutes in an ordinary week'),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .describe('A business-hours calendar');
export type BusinessCalendar = z.infer<typeof calendarSchema>;

const hoursList = z.array(openingHoursSchema).max(70);
const holidayList = z.array(holidayInput).max(500);

export const createCalendarBody = z
  .object({
    name: lineText(80),
    timezone: timeZone,
    isDefault: z.boolean().default(false),
    hours: hoursList.default([]),
    holidays: holidayList.default([]),
  })
  .strict();
export type CreateCalendarBody = z.input<typeof createCalendarBody>;

export const updateCalendarBody = z
  .object({
    name: lineText(80).optional(),
    timezone: timeZone.optional(),
    isDefault: z
      .literal(true)
      .optional()
      .describe('Make this the default calendar (another takes its place only this way)'),
    hours: hoursList.optional(),
    holidays: holidayList.optional().describe('Replaces the holidays'),
  })
  .strict();
export type UpdateCalendarBody = z.input<typeof updateCalendarBody>;

export const importHolidaysBody = z
  .object({
    ics: z.string().min(1).max(1_000_000).describe('An iCalendar file (.ics) of all-day events'),
    replace: z.boolean().default(false).describe('Drop the holidays the calendar has first'),
  })
  .strict();

export const previewQuery = z
  .object({
    from: holidayDate.optional().describe("The first day shown (the calendar's today by default)"),
    days: z.coerce.number().int().min(1).max(31).default(7),
  })
  .strict();

export const calendarPreviewSchema = z.object({
  timezone: z.string(),
  openMinutes: z.number(),
  days: z.array(
    z.object({
      date: z.string(),
      weekday: z.number(),
      holiday: z.string().nullable(),
      open: z.array(
        z.object({
          start: isoTimestamp,
          end: isoTimestamp,
          localStart: z.string().describe('"09:00", in the calendar\'s zone'),
          localEnd: z.string(),
        }),
      ),
    }),
  ),
});
export type CalendarPreview = z.infer<typeof calendarPreviewSchema>;

export const calendarsList = z.object({ data: z.array(calendarSchema) });

// Holidays read from an iCalendar file (.ics): each event's days, its name, and whether it
// comes back every year.
import ICAL from 'ical.js';
import { AppError } from '../../platform/errors';

export interface ImportedHoliday {
  date: string;
  name: string;
  yearly: boolean;
}

const DAY = 86_400_000;
/** Days one event may close the desk for: longer events are most likely not holidays. */
const MAX_EVENT_DAYS = 31;
/** Holidays one file may bring. */
export const MAX_IMPORTED = 500;
/** Occurrences read from a rule other than yearly (weekly, monthly …), from its start. */
const MAX_OCCURRENCES = 60;

const invalid = (message: string) => new AppError('VALIDATION_FAILED', message, [{ path: ['ics'], message }]);

function isYearly(event: ICAL.Event): boolean {
  const rule = event.component.getFirstPropertyValue('rrule');
  return rule instanceof ICAL.Recur && rule.freq === 'YEARLY' && (rule.interval ?? 1) === 1 && !rule.count;
}

/** The days an occurrence covers: from its start up to (not including) its end. */
function daysOf(start: ICAL.Time, end: ICAL.Time | null): string[] {
  const first = Date.UTC(start.year, start.month - 1, start.day);
  const last =
    end && end.compare(start) > 0
      ? Date.UTC(end.year, end.month - 1, end.day) - (end.isDate ? DAY : 0)
      : first;
  const days: string[] = [];
  for (let at = first; at <= last && days.length < MAX_EVENT_DAYS; at += DAY) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}

function occurrencesOf(event: ICAL.Event): { start: ICAL.Time; end: ICAL.Time | null }[] {
  const end = event.endDate ?? null;
  if (!event.isRecurring() || isYearly(event)) return [{ start: event.startDate, end }];
  const length = end ? end.subtractDate(event.startDate) : null;
  const found: { start: ICAL.Time; end: ICAL.Time | null }[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next && found.length < MAX_OCCURRENCES; next = iterator.next()) {
    const until = length ? next.clone() : null;
    if (until && length) until.addDuration(length);
    found.push({ start: next, end: until });
  }
  return found;
}

/** The holidays in an .ics file, by date; a file that is not iCalendar is refused. */
export function holidaysFromIcs(ics: string): ImportedHoliday[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(ics));
  } catch {
    throw invalid('Not an iCalendar file: export the holidays as .ics and try again');
  }
  if (root.name !== 'vcalendar') throw invalid('Not an iCalendar file: it has no VCALENDAR');
  const byDate = new Map<string, ImportedHoliday>();
  for (const component of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    if (!event.startDate) continue;
    const name = (event.summary || 'Holiday').replace(/\s+/g, ' ').trim().slice(0, 120) || 'Holiday';
    const yearly = isYearly(event);
    for (const occurrence of occurrencesOf(event)) {
      for (const date of daysOf(occurrence.start, occurrence.end)) {
        if (!byDate.has(date)) byDate.set(date, { date, name, yearly });
        if (byDate.size > MAX_IMPORTED) throw invalid(`The file holds more than ${MAX_IMPORTED} holidays`);
      }
    }
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

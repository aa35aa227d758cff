// Wall-clock time in a time zone, from the runtime's time-zone data (Intl): offsets, and the
// stretches of time over which a zone's offset stays the same.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Offsets change at most once in this span anywhere in the world's rules. */
const PROBE = 6 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** True when the runtime knows the zone by that IANA name. */
export function isTimeZone(timezone: string): boolean {
  try {
    formatterOf(timezone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall-clock reading of an instant in a zone, as milliseconds on a clock that has no zone
 * ("naive local"): 09:00 local on a day is that day's midnight UTC plus nine hours.
 */
export function wallClockOf(timezone: string, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatterOf(timezone).formatToParts(new Date(utcMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const whole = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return whole + (utcMs - Math.floor(utcMs / 1000) * 1000);
}

/** The zone's offset from UTC at an instant, in whole minutes (local = UTC + offset). */
export function offsetAt(timezone: string, utcMs: number): number {
  return Math.round((wallClockOf(timezone, utcMs) - utcMs) / MINUTE);
}

/** A stretch of time [from, to) over which the zone's offset stays `offset` minutes. */
export interface OffsetSpan {
  from: number;
  to: number;
  offset: number;
}

/** The first whole minute in (after, before] with an offset other than `offset`. */
function changeBetween(timezone: string, after: number, before: number, offset: number): number {
  let lo = Math.floor(after / MINUTE);
  let hi = Math.ceil(before / MINUTE);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(timezone, mid * MINUTE) === offset) lo = mid;
    else hi = mid;
  }
  return hi * MINUTE;
}

const MAX_KEPT_YEARS = 2_000;
const years = new Map<string, OffsetSpan[]>();

/**
 * A UTC year of a zone as its spans of constant offset, found once (a probe every six hours,
 * at most one change between probes, as in every zone's rules) and kept.
 */
function spansOfYear(timezone: string, year: number): OffsetSpan[] {
  const key = `${timezone}|${year}`;
  const kept = years.get(key);
  if (kept) return kept;
  const end = Date.UTC(year + 1, 0, 1);
  const spans: OffsetSpan[] = [];
  let start = Date.UTC(year, 0, 1);
  let offset = offsetAt(timezone, start);
  for (let probe = start; probe < end; ) {
    const next = Math.min(probe + PROBE, end);
    const nextOffset = offsetAt(timezone, next);
    if (nextOffset !== offset && next < end) {
      const change = changeBetween(timezone, probe, next, offset);
      spans.push({ from: start, to: change, offset });
      start = change;
      offset = offsetAt(timezone, change);
      probe = change;
    } else probe = next;
  }
  spans.push({ from: start, to: end, offset });
  if (years.size >= MAX_KEPT_YEARS) years.delete(years.keys().next().value!);
  years.set(key, spans);
  return spans;
}

/**
 * The spans of constant offset that cover [from, to), in order (split at each new UTC year).
 * `to` may be Infinity: the spans go on as far as they are read.
 */
export function* offsetSpans(timezone: string, from: number, to: number): Generator<OffsetSpan> {
  for (let year = new Date(from).getUTCFullYear(); Date.UTC(year, 0, 1) < to; year += 1) {
    for (const span of spansOfYear(timezone, year)) {
      if (span.to <= from) continue;
      if (span.from >= to) return;
      yield { from: Math.max(span.from, from), to: Math.min(span.to, to), offset: span.offset };
    }
  }
}

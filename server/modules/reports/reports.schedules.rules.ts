// When a scheduled report is sent and which period it covers: pure rules, no clock and no database.
import type { Cadence } from '../../../contracts/report-delivery';
import type { Report, ReportFigure } from '../../../contracts/reports';
import { escapeHtml } from '../../platform/markdown';
import { offsetAt, wallClockOf } from '../business-hours';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface Cadenced {
  cadence: Cadence;
  /** 0 = Sunday (weekly) */
  weekday: number | null;
  /** 1–31 (monthly); a shorter month sends on its last day */
  monthDay: number | null;
  /** 0–23, local */
  hour: number;
}

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);
export const localDateOf = (ms: number, tz: string) =>
  new Date(wallClockOf(tz, ms)).toISOString().slice(0, 10);
const daysInMonth = (date: string) => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/** The instant a local date and hour fall on in a zone (an hour a DST change skips lands an hour later). */
export function localInstant(date: string, hour: number, tz: string): number {
  const guess = Date.parse(`${date}T00:00:00.000Z`) + hour * HOUR;
  const first = guess - offsetAt(tz, guess) * 60_000;
  return guess - offsetAt(tz, first) * 60_000;
}

/** Whether a schedule sends on a local date. */
export function sendsOn(s: Cadenced, date: string): boolean {
  if (s.cadence === 'daily') return true;
  if (s.cadence === 'weekly') return new Date(`${date}T00:00:00.000Z`).getUTCDay() === s.weekday;
  const day = Number(date.slice(8, 10));
  return day === Math.min(s.monthDay ?? 1, daysInMonth(date));
}

export interface Slot {
  /** The local date of the send: the period's key (a period is sent once). */
  periodKey: string;
  at: number;
}

/** The first send strictly after `afterMs`. */
export function nextSlot(s: Cadenced, tz: string, afterMs: number): Slot {
  let date = addDays(localDateOf(afterMs, tz), -1);
  for (let i = 0; i < 400; i += 1, date = addDays(date, 1)) {
    if (!sendsOn(s, date)) continue;
    const at = localInstant(date, s.hour, tz);
    if (at > afterMs) return { periodKey: date, at };
  }
  throw new Error('no send date within a year');
}

/**
 * The whole days a send on `periodKey` reports: the day before (daily), the seven days before
 * (weekly) or the calendar month before (monthly).
 */
export function periodOfSend(cadence: Cadence, periodKey: string): { from: string; to: string } {
  const to = addDays(periodKey, -1);
  if (cadence === 'daily') return { from: to, to };
  if (cadence === 'weekly') return { from: addDays(periodKey, -7), to };
  const lastOfPrevious = addDays(`${periodKey.slice(0, 7)}-01`, -1);
  return { from: `${lastOfPrevious.slice(0, 7)}-01`, to: lastOfPrevious };
}

/** Minutes before retry n (1-based) of a failed send; after the last, the run is a dead letter. */
export const RUN_RETRY_MINUTES = [5, 30];
export const MAX_RUN_ATTEMPTS = RUN_RETRY_MINUTES.length + 1;

function formatFigure(value: number | null, unit: ReportFigure['unit']): string {
  if (value === null) return '—';
  if (unit === 'percent') return `${value.toFixed(1)} %`;
  if (unit === 'hours') return `${value.toFixed(1)} h`;
  if (unit === 'ratio' || unit === 'score') return value.toFixed(2);
  return String(Math.round(value));
}

/** The mail of a send: the headline figures in text and simple HTML (the CSV is attached). */
export function summaryMail(name: string, report: Report): { subject: string; text: string; html: string } {
  const { period } = report;
  const subject = `${name}: ${report.title} report, ${period.from} to ${period.to}`;
  const lines = report.figures.map(
    (f) => `${f.label}: ${formatFigure(f.value, f.unit)} (before: ${formatFigure(f.previous, f.unit)})`,
  );
  const text = [
    `${report.title} report, ${period.from} to ${period.to} (${period.tz})`,
    `Compared with ${report.previous.from} to ${report.previous.to}.`,
    '',
    ...lines,
    '',
    'The full report is attached as CSV.',
  ].join('\n');
  const rows = report.figures
    .map(
      (f) =>
        `<tr><td>${escapeHtml(f.label)}</td><td style="text-align:right"><b>${escapeHtml(formatFigure(f.value, f.unit))}</b></td><td style="text-align:right;color:#666">${escapeHtml(formatFigure(f.previous, f.unit))}</td></tr>`,
    )
    .join('');
  const html = `<p>${escapeHtml(report.title)} report, ${escapeHtml(period.from)} to ${escapeHtml(period.to)} (${escapeHtml(period.tz)})</p><table cellpadding="4"><tr><th align="left">Figure</th><th>Value</th><th>Before</th></tr>${rows}</table><p>The full report is attached as CSV.</p>`;
  return { subject, text, html };
}

import {
  dateRanges,
  isRelativeTime,
  timeBoundMs,
  type ViewFilters,
  viewFilters,
} from '../../../contracts/tickets';
import { AppError } from '../../platform/errors';

/** The `filters` query parameter: JSON of view filters, checked like a view's own. */
export function parseFilters(json: string | undefined): ViewFilters {
  if (!json) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new AppError('VALIDATION_FAILED', 'filters must be JSON', [
      { path: ['filters'], message: 'Not JSON' },
    ]);
  }
  const parsed = viewFilters.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: ['filters', ...i.path.map(String)],
      message: i.message,
    }));
    throw new AppError(
      'VALIDATION_FAILED',
      `filters.${issues[0]?.path.slice(1).join('.')}: ${issues[0]?.message}`,
      issues,
    );
  }
  return parsed.data;
}

const MINUTE = 60_000;

/**
 * The filters with each time from now ("-7d", "now") replaced by the moment it names, read at
 * the start of the current minute: the answers found by them are then the same all minute long,
 * and can be kept while tickets are unchanged (ADR 0011); a ticket leaves "the last 7 days" at
 * most a minute late.
 */
export function filtersAt(filters: ViewFilters, now: number): ViewFilters {
  const minute = now - (now % MINUTE);
  const out: ViewFilters = { ...filters };
  for (const range of dateRanges) {
    for (const key of [range.after, range.before]) {
      const bound = filters[key];
      if (bound && isRelativeTime(bound)) out[key] = new Date(timeBoundMs(bound, minute)).toISOString();
    }
  }
  return out;
}

/** The message of a list whose filters could not be read in time. */
export const tooBroad = () =>
  new AppError(
    'FILTER_TOO_BROAD',
    'These filters take too long to look through every ticket. Narrow them: add a status, team, assignee or a shorter date range.',
  );

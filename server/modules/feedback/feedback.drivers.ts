import type { DbOrTrx } from '../../db/database';
import { type DriverFilter, type DriverOf, driversRepository as repo } from './feedback.drivers.repository';

export type { DriverFilter, DriverOf };

export interface AnswerDriver {
  kind: 'category' | 'theme';
  id: number;
  name: string;
  answers: number;
  negative: number;
}

/**
 * What customers are unhappy with: negative answers (not a positive rating) by the ticket's
 * category and by theme, most negative answers first, the `limit` largest of each kind.
 */
export async function dissatisfactionDrivers(
  db: DbOrTrx,
  filter: DriverFilter,
  limit: number,
): Promise<{ totals: { answers: number; negative: number }; drivers: AnswerDriver[] }> {
  const [categories, themes] = await Promise.all([repo.byCategory(db, filter), repo.byTheme(db, filter)]);
  const totals = categories.reduce(
    (t, c) => ({ answers: t.answers + c.answers, negative: t.negative + c.negative }),
    { answers: 0, negative: 0 },
  );
  const top = <T extends { negative: number; answers: number; name: string }>(list: T[]) =>
    list
      .filter((d) => d.negative > 0)
      .sort((a, b) => b.negative - a.negative || b.answers - a.answers || a.name.localeCompare(b.name))
      .slice(0, limit);
  return {
    totals,
    drivers: [
      ...top(categories).map((c) => ({ kind: 'category' as const, ...c })),
      ...top(themes).map((t) => ({ kind: 'theme' as const, ...t })),
    ],
  };
}

/** The newest negative comments (text only) of a category, a theme or a ticket tag. */
export function negativeComments(db: DbOrTrx, filter: DriverFilter, of: DriverOf, limit = 3) {
  return repo.negativeComments(db, filter, of, limit);
}

import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { type AnswerFilter, matching } from './feedback.repository';

/** The answers a pain-point read keeps: the inbox filter, and a team lead's teams. */
export type DriverFilter = AnswerFilter & { teamIds?: number[] };

/** Where the example comments come from: a category (0 = none), a theme or a ticket tag. */
export type DriverOf = { categoryId: number } | { themeId: number } | { tag: string };

function scoped(db: DbOrTrx, f: DriverFilter) {
  const { teamIds, ...rest } = f;
  const q = matching(db, rest);
  return teamIds ? q.where('a.team_id', 'in', teamIds.length > 0 ? teamIds : [-1]) : q;
}

const negativeSum = sql<number>`sum(case when a.positive = 0 then 1 else 0 end)`;

/** Answers and negative answers by the ticket's category and by theme (indexed on answered_at). */
export const driversRepository = {
  async byCategory(db: DbOrTrx, f: DriverFilter) {
    const rows = await scoped(db, f)
      .leftJoin('categories as cat', 'cat.id', 'a.category_id')
      .select(['a.category_id', 'cat.name'])
      .select((eb) => [eb.fn.countAll<number>().as('answers'), negativeSum.as('negative')])
      .groupBy(['a.category_id', 'cat.name'])
      .execute();
    return rows.map((r) => ({
      id: r.category_id ?? 0,
      name: r.name ?? 'No category',
      answers: Number(r.answers),
      negative: Number(r.negative ?? 0),
    }));
  },

  async byTheme(db: DbOrTrx, f: DriverFilter) {
    const rows = await scoped(db, f)
      .innerJoin('survey_answer_themes as at', 'at.answer_id', 'a.id')
      .innerJoin('feedback_themes as th', 'th.id', 'at.theme_id')
      .select(['th.id', 'th.name'])
      .select((eb) => [eb.fn.countAll<number>().as('answers'), negativeSum.as('negative')])
      .groupBy(['th.id', 'th.name'])
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      answers: Number(r.answers),
      negative: Number(r.negative ?? 0),
    }));
  },

  /** The newest negative comments of one driver. */
  async negativeComments(db: DbOrTrx, f: DriverFilter, of: DriverOf, limit: number): Promise<string[]> {
    let q = scoped(db, { ...f, positive: false, withComment: true });
    if ('categoryId' in of)
      q =
        of.categoryId === 0
          ? q.where('a.category_id', 'is', null)
          : q.where('a.category_id', '=', of.categoryId);
    if ('themeId' in of)
      q = q.where('a.id', 'in', (eb) =>
        eb.selectFrom('survey_answer_themes').select('answer_id').where('theme_id', '=', of.themeId),
      );
    // Checked per answer, newest first, until enough are found: the tickets with the tag can be
    // a large share of every ticket ever opened, which an IN list would read in full.
    if ('tag' in of)
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('ticket_tags as tt')
            .select('tt.ticket_id')
            .whereRef('tt.ticket_id', '=', 'a.ticket_id')
            .where('tt.tag', '=', of.tag),
        ),
      );
    const rows = await q.select('a.comment').orderBy('a.answered_at', 'desc').limit(limit).execute();
    return rows.map((r) => r.comment);
  },
};

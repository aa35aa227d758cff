import type { OperandExpression, Selectable } from 'kysely';
import type { FollowUpSource } from '../../../contracts/feedback-loop';
import type { DbOrTrx } from '../../db/database';
import type { FeedbackThemeRulesTable, FeedbackThemesTable, SurveyAnswerThemesTable } from '../../db/schema';
import { type AnswerFilter, matching } from './feedback.repository';

export type ThemeRow = Selectable<FeedbackThemesTable>;
export type ThemeRuleRow = Selectable<FeedbackThemeRulesTable> & { theme_name: string };
export type AnswerThemeRow = Pick<
  Selectable<SurveyAnswerThemesTable>,
  'answer_id' | 'theme_id' | 'source'
> & {
  name: string;
};

/** Which answers: CSAT survey answers (`survey_answers`) or NPS campaign answers (`nps_recipients`). */
export type AnswerKind = FollowUpSource;

/**
 * The table of an answer kind's theme tags. `nps_answer_themes` has exactly the columns of
 * `survey_answer_themes` (migrations 0038 and 0045), so one set of queries serves both.
 */
const tagTable = (kind: AnswerKind) =>
  (kind === 'csat' ? 'survey_answer_themes' : 'nps_answer_themes') as 'survey_answer_themes';

/**
 * The table of an answer kind's answers, for the columns both share: id, comment, answered_at
 * (always set on a survey answer, set once a campaign recipient answered) and the sentiment.
 */
const answerTable = (kind: AnswerKind) =>
  (kind === 'csat' ? 'survey_answers' : 'nps_recipients') as 'survey_answers';

/** Themes, their keyword rules, the themes answers are tagged with, and answers' sentiment. */
export const themesRepository = {
  /** Every theme with the answers (CSAT and NPS) it tags. */
  async themes(db: DbOrTrx) {
    const rows = await db
      .selectFrom('feedback_themes as t')
      .select(['t.id', 't.name', 't.created_at'])
      .select((eb) => [
        eb
          .selectFrom('survey_answer_themes as at')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('at.theme_id', '=', 't.id')
          .as('csat'),
        eb
          .selectFrom('nps_answer_themes as nt')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('nt.theme_id', '=', 't.id')
          .as('nps'),
      ])
      .orderBy('t.name')
      .execute();
    return rows.map(({ csat, nps, ...r }) => ({ ...r, answers: Number(csat ?? 0) + Number(nps ?? 0) }));
  },

  theme(db: DbOrTrx, id: number): Promise<ThemeRow | undefined> {
    return db.selectFrom('feedback_themes').selectAll().where('id', '=', id).executeTakeFirst();
  },

  themeNamed(db: DbOrTrx, name: string): Promise<ThemeRow | undefined> {
    return db.selectFrom('feedback_themes').selectAll().where('name', '=', name).executeTakeFirst();
  },

  async insertTheme(db: DbOrTrx, name: string, now: string): Promise<number> {
    const row = await db
      .insertInto('feedback_themes')
      .values({ name, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async renameTheme(db: DbOrTrx, id: number, name: string): Promise<void> {
    await db.updateTable('feedback_themes').set({ name }).where('id', '=', id).execute();
  },

  async deleteTheme(db: DbOrTrx, id: number): Promise<void> {
    await db.deleteFrom('survey_answer_themes').where('theme_id', '=', id).execute();
    await db.deleteFrom('nps_answer_themes').where('theme_id', '=', id).execute();
    await db.deleteFrom('feedback_theme_rules').where('theme_id', '=', id).execute();
    await db.deleteFrom('feedback_themes').where('id', '=', id).execute();
  },

  rules(db: DbOrTrx, onlyActive = false): Promise<ThemeRuleRow[]> {
    let q = db
      .selectFrom('feedback_theme_rules as r')
      .innerJoin('feedback_themes as t', 't.id', 'r.theme_id')
      .selectAll('r')
      .select('t.name as theme_name');
    if (onlyActive) q = q.where('r.active', '=', 1);
    return q.orderBy('t.name').orderBy('r.id').execute();
  },

  rule(db: DbOrTrx, id: number): Promise<ThemeRuleRow | undefined> {
    return db
      .selectFrom('feedback_theme_rules as r')
      .innerJoin('feedback_themes as t', 't.id', 'r.theme_id')
      .selectAll('r')
      .select('t.name as theme_name')
      .where('r.id', '=', id)
      .executeTakeFirst();
  },

  async insertRule(
    db: DbOrTrx,
    values: { theme_id: number; phrases: string; active: number; now: string },
  ): Promise<number> {
    const row = await db
      .insertInto('feedback_theme_rules')
      .values({
        theme_id: values.theme_id,
        phrases: values.phrases,
        active: values.active,
        created_at: values.now,
        updated_at: values.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async updateRule(
    db: DbOrTrx,
    id: number,
    values: { phrases?: string; active?: number; updated_at: string },
  ): Promise<void> {
    await db.updateTable('feedback_theme_rules').set(values).where('id', '=', id).execute();
  },

  async deleteRule(db: DbOrTrx, id: number): Promise<void> {
    await db.deleteFrom('feedback_theme_rules').where('id', '=', id).execute();
  },

  /** The themes of some answers, by name. */
  themesOfAnswers(
    db: DbOrTrx,
    answerIds: readonly number[],
    kind: AnswerKind = 'csat',
  ): Promise<AnswerThemeRow[]> {
    if (answerIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom(`${tagTable(kind)} as at`)
      .innerJoin('feedback_themes as t', 't.id', 'at.theme_id')
      .select(['at.answer_id', 'at.theme_id', 'at.source', 't.name'])
      .where('at.answer_id', 'in', [...answerIds])
      .orderBy('t.name')
      .execute();
  },

  /** Tags an answer by hand; a rule's tag on the same theme becomes a hand tag (rules no longer remove it). */
  async tagByHand(
    db: DbOrTrx,
    answerId: number,
    themeId: number,
    now: string,
    kind: AnswerKind = 'csat',
  ): Promise<void> {
    const table = tagTable(kind);
    const existing = await db
      .selectFrom(table)
      .select('source')
      .where('answer_id', '=', answerId)
      .where('theme_id', '=', themeId)
      .executeTakeFirst();
    if (existing)
      await db
        .updateTable(table)
        .set({ source: 'manual' })
        .where('answer_id', '=', answerId)
        .where('theme_id', '=', themeId)
        .execute();
    else
      await db
        .insertInto(table)
        .values({ answer_id: answerId, theme_id: themeId, source: 'manual', created_at: now })
        .execute();
  },

  async untag(db: DbOrTrx, answerId: number, themeId: number, kind: AnswerKind = 'csat'): Promise<boolean> {
    const result = await db
      .deleteFrom(tagTable(kind))
      .where('answer_id', '=', answerId)
      .where('theme_id', '=', themeId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  /**
   * Makes an answer's rule tags exactly `themeIds` (hand tags stay as they are): adds the missing,
   * removes rule tags no rule matches any more. Answers how many it added and removed.
   */
  async setRuleTags(
    db: DbOrTrx,
    answerId: number,
    themeIds: readonly number[],
    now: string,
    kind: AnswerKind = 'csat',
    /** The answer was inserted in this transaction: it has no tags yet. */
    fresh = false,
  ) {
    const table = tagTable(kind);
    const current = fresh
      ? []
      : await db.selectFrom(table).select(['theme_id', 'source']).where('answer_id', '=', answerId).execute();
    const has = new Set(current.map((c) => c.theme_id));
    const wanted = new Set(themeIds);
    const stale = current
      .filter((c) => c.source === 'rule' && !wanted.has(c.theme_id))
      .map((c) => c.theme_id);
    const missing = themeIds.filter((id) => !has.has(id));
    if (stale.length > 0)
      await db.deleteFrom(table).where('answer_id', '=', answerId).where('theme_id', 'in', stale).execute();
    if (missing.length > 0)
      await db
        .insertInto(table)
        .values(
          missing.map((theme_id) => ({
            answer_id: answerId,
            theme_id,
            source: 'rule' as const,
            created_at: now,
          })),
        )
        .execute();
    return { added: missing.length, removed: stale.length };
  },

  /** Answers tagged with each theme among those a filter keeps, most first. */
  themeCounts(db: DbOrTrx, f: AnswerFilter) {
    return themesRepository.themeCountsAmong(db, 'csat', matching(db, f).select('a.id'));
  },

  /** Answers of a kind tagged with each theme among the ids a query selects, most first. */
  async themeCountsAmong(db: DbOrTrx, kind: AnswerKind, ids: OperandExpression<number>) {
    const rows = await db
      .selectFrom(`${tagTable(kind)} as at`)
      .innerJoin('feedback_themes as t', 't.id', 'at.theme_id')
      .where('at.answer_id', 'in', ids)
      .select(['t.id', 't.name'])
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .groupBy(['t.id', 't.name'])
      .execute();
    return rows
      .map((r) => ({ id: r.id, name: r.name, count: Number(r.count) }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  },

  /** Answers by sentiment among those a filter keeps. */
  async sentimentCounts(db: DbOrTrx, f: AnswerFilter) {
    const rows = await matching(db, f)
      .select('a.sentiment')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .groupBy('a.sentiment')
      .execute();
    const out = { negative: 0, neutral: 0, positive: 0 };
    for (const r of rows) if (r.sentiment) out[r.sentiment] = Number(r.count);
    return out;
  },

  /** Answered answers' comments in id order after `afterId`, a batch at a time (scoring and re-running rules). */
  comments(db: DbOrTrx, afterId: number, limit: number, onlyUnscored = false, kind: AnswerKind = 'csat') {
    let q = db
      .selectFrom(answerTable(kind))
      .select(['id', 'comment'])
      .where('id', '>', afterId)
      .where('answered_at', 'is not', null);
    if (onlyUnscored) q = q.where('sentiment', 'is', null);
    return q.orderBy('id').limit(limit).execute();
  },

  async setSentiment(
    db: DbOrTrx,
    id: number,
    s: { score: number; comparative: number; label: 'negative' | 'neutral' | 'positive' },
    kind: AnswerKind = 'csat',
  ): Promise<void> {
    await db
      .updateTable(answerTable(kind))
      .set({ sentiment_score: s.score, sentiment_comparative: s.comparative, sentiment: s.label })
      .where('id', '=', id)
      .execute();
  },
};

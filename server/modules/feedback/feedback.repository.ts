import { type Insertable, type Selectable, sql } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { prepared } from '../../db/prepared';
import type {
  SurveyAnswersTable,
  SurveyReasonsTable,
  SurveySettingsTable,
  SurveysTable,
} from '../../db/schema';

export type SettingsRow = Selectable<SurveySettingsTable>;
export type ReasonRow = Selectable<SurveyReasonsTable>;
export type SurveyRow = Selectable<SurveysTable>;
export type AnswerValues = Omit<Insertable<SurveyAnswersTable>, 'id'>;
/** What answering again changes: the answer and its comment's sentiment. */
export type ChangedAnswer = Required<
  Pick<
    AnswerValues,
    | 'rating'
    | 'positive'
    | 'effort'
    | 'comment'
    | 'reason_id'
    | 'updated_at'
    | 'sentiment_score'
    | 'sentiment_comparative'
    | 'sentiment'
  >
>;
/** A survey's ticket and its answer, if given, as a survey page shows them. */
export interface SurveyStateRow {
  ticket_id: number;
  ticket_subject: string;
  organization_id: number | null;
  category_id: number | null;
  channel: string;
  answer_id: number | null;
  rating: number | null;
  effort: number | null;
  comment: string | null;
  reason_id: number | null;
  answered_at: string | null;
  /** The organisation and category the answer was filed under when it was first given. */
  answer_organization_id: number | null;
  answer_category_id: number | null;
}

/** An answer with the names the feedback inbox shows. */
export type AnswerRow = Selectable<SurveyAnswersTable> & {
  ticket_subject: string;
  customer_name: string;
  customer_email: string | null;
  organization_name: string | null;
  agent_name: string | null;
  team_name: string | null;
  category_name: string | null;
  reason_label: string | null;
};

export interface AnswerFilter {
  positive?: boolean;
  rating?: number;
  agentId?: number;
  teamId?: number;
  categoryId?: number;
  organizationId?: number;
  channel?: string;
  withComment?: boolean;
  customerId?: number;
  sentiment?: 'negative' | 'neutral' | 'positive';
  themeId?: number;
  /** answered_at >= from, < until (ISO timestamps) */
  from?: string;
  until?: string;
}

/** Every answer opens its link: built once. */
const surveyByTokenQuery = prepared((db, p: { tokenHash: string }) =>
  db.selectFrom('surveys').selectAll().where('token_hash', '=', p.tokenHash),
);
/**
 * A sent survey marked answered (again, when it was), read as it now stands, with what the
 * answer takes from its ticket and the id of the answer given, if any. (Subqueries rather than a
 * join: SQLite's RETURNING names only the table it changes.)
 */
const takeForAnswerQuery = prepared((db, p: { id: number }) =>
  db
    .updateTable('surveys')
    .set({ status: 'answered' })
    .where('id', '=', p.id)
    .where('status', 'in', ['sent', 'answered'])
    .returningAll()
    .returning((eb) => {
      const ticket = eb.selectFrom('tickets as t').whereRef('t.id', '=', 'surveys.ticket_id');
      return [
        ticket.select('t.subject').as('ticket_subject'),
        ticket.select('t.organization_id').as('ticket_organization_id'),
        ticket.select('t.category_id').as('ticket_category_id'),
        ticket.select('t.channel').as('ticket_channel'),
        eb
          .selectFrom('survey_answers as a')
          .select('a.id')
          .whereRef('a.survey_id', '=', 'surveys.id')
          .as('answer_id'),
      ];
    }),
);
/** What a survey page shows of its ticket, and the answer given, in one read. */
const surveyStateQuery = prepared((db, p: { id: number }) =>
  db
    .selectFrom('surveys as s')
    .innerJoin('tickets as t', 't.id', 's.ticket_id')
    .leftJoin('survey_answers as a', 'a.survey_id', 's.id')
    .select([
      't.id as ticket_id',
      't.subject as ticket_subject',
      't.organization_id',
      't.category_id',
      't.channel',
      'a.id as answer_id',
      'a.rating',
      'a.effort',
      'a.comment',
      'a.reason_id',
      'a.answered_at',
      'a.organization_id as answer_organization_id',
      'a.category_id as answer_category_id',
    ])
    .where('s.id', '=', p.id),
);
const insertAnswerQuery = prepared((db, p: Required<AnswerValues>) =>
  db
    .insertInto('survey_answers')
    .values({
      survey_id: p.survey_id,
      ticket_id: p.ticket_id,
      customer_id: p.customer_id,
      organization_id: p.organization_id,
      agent_id: p.agent_id,
      team_id: p.team_id,
      category_id: p.category_id,
      channel: p.channel,
      scale: p.scale,
      rating: p.rating,
      positive: p.positive,
      effort: p.effort,
      comment: p.comment,
      reason_id: p.reason_id,
      answered_at: p.answered_at,
      updated_at: p.updated_at,
      sentiment_score: p.sentiment_score,
      sentiment_comparative: p.sentiment_comparative,
      sentiment: p.sentiment,
    })
    .onConflict((oc) => oc.column('survey_id').doNothing())
    .returning('id'),
);
const updateAnswerQuery = prepared((db, p: ChangedAnswer & { id: number }) =>
  db
    .updateTable('survey_answers')
    .set({
      rating: p.rating,
      positive: p.positive,
      effort: p.effort,
      comment: p.comment,
      reason_id: p.reason_id,
      updated_at: p.updated_at,
      sentiment_score: p.sentiment_score,
      sentiment_comparative: p.sentiment_comparative,
      sentiment: p.sentiment,
    })
    .where('id', '=', p.id),
);

const answers = (db: DbOrTrx) =>
  db
    .selectFrom('survey_answers as a')
    .innerJoin('tickets as t', 't.id', 'a.ticket_id')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .leftJoin('organizations as o', 'o.id', 'a.organization_id')
    .leftJoin('users as u', 'u.id', 'a.agent_id')
    .leftJoin('teams as tm', 'tm.id', 'a.team_id')
    .leftJoin('categories as cat', 'cat.id', 'a.category_id')
    .leftJoin('survey_reasons as r', 'r.id', 'a.reason_id')
    .selectAll('a')
    .select([
      't.subject as ticket_subject',
      'c.name as customer_name',
      'c.email as customer_email',
      'o.name as organization_name',
      'u.name as agent_name',
      'tm.name as team_name',
      'cat.name as category_name',
      'r.label as reason_label',
    ]);

/** The answers a filter keeps, as a query on `survey_answers` alone (counts and lists share it). */
export function matching(db: DbOrTrx, f: AnswerFilter) {
  let q = db.selectFrom('survey_answers as a');
  if (f.positive !== undefined) q = q.where('a.positive', '=', f.positive ? 1 : 0);
  if (f.rating !== undefined) q = q.where('a.rating', '=', f.rating);
  if (f.agentId !== undefined) q = q.where('a.agent_id', '=', f.agentId);
  if (f.teamId !== undefined) q = q.where('a.team_id', '=', f.teamId);
  if (f.categoryId !== undefined) q = q.where('a.category_id', '=', f.categoryId);
  if (f.organizationId !== undefined) q = q.where('a.organization_id', '=', f.organizationId);
  if (f.channel !== undefined) q = q.where('a.channel', '=', f.channel);
  if (f.customerId !== undefined) q = q.where('a.customer_id', '=', f.customerId);
  if (f.withComment !== undefined) q = q.where('a.comment', f.withComment ? '<>' : '=', '');
  if (f.from !== undefined) q = q.where('a.answered_at', '>=', f.from);
  if (f.until !== undefined) q = q.where('a.answered_at', '<', f.until);
  if (f.sentiment !== undefined) q = q.where('a.sentiment', '=', f.sentiment);
  if (f.themeId !== undefined) {
    const themeId = f.themeId;
    q = q.where('a.id', 'in', (eb) =>
      eb.selectFrom('survey_answer_themes').select('answer_id').where('theme_id', '=', themeId),
    );
  }
  return q;
}

export const feedbackRepository = {
  settings(db: DbOrTrx): Promise<SettingsRow | undefined> {
    return db.selectFrom('survey_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  },

  async saveSettings(db: DbOrTrx, values: Omit<SettingsRow, 'id'>): Promise<void> {
    const updated = await db
      .updateTable('survey_settings')
      .set(values)
      .where('id', '=', 1)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await db
        .insertInto('survey_settings')
        .values({ id: 1, ...values })
        .execute();
  },

  reasons(db: DbOrTrx): Promise<ReasonRow[]> {
    return db.selectFrom('survey_reasons').selectAll().orderBy('position').orderBy('id').execute();
  },

  reason(db: DbOrTrx, id: number): Promise<ReasonRow | undefined> {
    return db.selectFrom('survey_reasons').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insertReason(db: DbOrTrx, values: Omit<ReasonRow, 'id'>): Promise<number> {
    const row = await db
      .insertInto('survey_reasons')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async updateReason(db: DbOrTrx, id: number, values: Partial<Omit<ReasonRow, 'id'>>): Promise<void> {
    await db.updateTable('survey_reasons').set(values).where('id', '=', id).execute();
  },

  surveyOfTicket(db: DbOrTrx, ticketId: number): Promise<SurveyRow | undefined> {
    return db.selectFrom('surveys').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst();
  },

  surveyByTokenHash(db: DbOrTrx, tokenHash: string): Promise<SurveyRow | undefined> {
    return surveyByTokenQuery.first(db, { tokenHash });
  },

  /**
   * Takes a sent survey for the answer the transaction records: marks it answered and reads it
   * as it now stands, its row written and so held until the transaction ends (two answers to one
   * link: the second waits, then finds the first). Undefined when the survey was never sent.
   * The transaction rolls the mark back with everything else when the answer is refused.
   */
  takeForAnswer(db: DbOrTrx, id: number) {
    return takeForAnswerQuery.first(db, { id });
  },

  /** The survey's ticket and its answer (undefined when the survey is gone). */
  surveyState(db: DbOrTrx, surveyId: number): Promise<SurveyStateRow | undefined> {
    return surveyStateQuery.first(db, { id: surveyId });
  },

  async insertSurvey(db: DbOrTrx, values: Omit<Insertable<SurveysTable>, 'id'>): Promise<number> {
    const row = await db.insertInto('surveys').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  /** Schedules a survey again (a ticket solved once more before its survey went out). */
  async reschedule(
    db: DbOrTrx,
    id: number,
    values: Pick<SurveysTable, 'agent_id' | 'team_id' | 'due_at' | 'scale' | 'ask_effort'>,
  ): Promise<void> {
    await db
      .updateTable('surveys')
      .set({ ...values, status: 'scheduled' })
      .where('id', '=', id)
      .where('status', 'in', ['scheduled', 'cancelled'])
      .execute();
  },

  /** Puts a survey that was held back (a dead letter retried from the jobs page) back in line, due now. */
  async requeue(db: DbOrTrx, id: number, dueAt: string): Promise<void> {
    await db
      .updateTable('surveys')
      .set({ status: 'scheduled', due_at: dueAt })
      .where('id', '=', id)
      .where('sent_at', 'is', null)
      .execute();
  },

  /** Surveys whose time to go out has come, oldest first. */
  due(db: DbOrTrx, now: string, limit: number): Promise<SurveyRow[]> {
    return db
      .selectFrom('surveys')
      .selectAll()
      .where('status', '=', 'scheduled')
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  /** Moves a survey on from `from`; false when another node (or change) moved it first. */
  async claim(
    db: DbOrTrx,
    id: number,
    from: SurveysTable['status'],
    values: Partial<Pick<SurveysTable, 'status' | 'token_hash' | 'sent_at' | 'expires_at'>>,
  ): Promise<boolean> {
    const result = await db
      .updateTable('surveys')
      .set(values)
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  answerOfSurvey(db: DbOrTrx, surveyId: number) {
    return db.selectFrom('survey_answers').selectAll().where('survey_id', '=', surveyId).executeTakeFirst();
  },

  /**
   * Adds an answer, with its comment's sentiment; answers its id, or undefined when the survey
   * has an answer already (given by a transaction that committed since this one looked).
   */
  async insertAnswer(db: DbOrTrx, values: Required<AnswerValues>): Promise<number | undefined> {
    return (await insertAnswerQuery.first(db, values))?.id;
  },

  async updateAnswer(db: DbOrTrx, id: number, values: ChangedAnswer): Promise<void> {
    await updateAnswerQuery.run(db, { ...values, id });
  },

  answerById(db: DbOrTrx, id: number): Promise<AnswerRow | undefined> {
    return answers(db).where('a.id', '=', id).executeTakeFirst();
  },

  /** A page of answers, newest first, after the answer `beforeId`. */
  listAnswers(db: DbOrTrx, f: AnswerFilter, limit: number, beforeId: number | null): Promise<AnswerRow[]> {
    let ids = matching(db, f).select('a.id');
    if (beforeId !== null) ids = ids.where('a.id', '<', beforeId);
    return answers(db)
      .where('a.id', 'in', ids.orderBy('a.id', 'desc').limit(limit))
      .orderBy('a.id', 'desc')
      .execute();
  },

  /** Counts and sums of the answers a filter keeps. */
  async totals(db: DbOrTrx, f: AnswerFilter) {
    const row = await matching(db, f)
      .select((eb) => [
        eb.fn.countAll<number>().as('answers'),
        eb.fn.sum<number>('a.positive').as('positive'),
        eb.fn.sum<number>('a.effort').as('effort_sum'),
        eb.fn.count<number>('a.effort').as('effort_count'),
      ])
      .executeTakeFirstOrThrow();
    return {
      answers: Number(row.answers),
      positive: Number(row.positive ?? 0),
      effortSum: Number(row.effort_sum ?? 0),
      effortCount: Number(row.effort_count),
    };
  },

  /** Surveys sent in a period (for the response rate), and how many of them were answered. */
  async sentIn(db: DbOrTrx, from: string | undefined, until: string | undefined) {
    let q = db.selectFrom('surveys').where('sent_at', 'is not', null);
    if (from) q = q.where('sent_at', '>=', from);
    if (until) q = q.where('sent_at', '<', until);
    const row = await q
      .select((eb) => [
        eb.fn.countAll<number>().as('sent'),
        eb.fn.sum<number>(sql<number>`case when status = 'answered' then 1 else 0 end`).as('answered'),
      ])
      .executeTakeFirstOrThrow();
    return { sent: Number(row.sent), answered: Number(row.answered ?? 0) };
  },
};

import { type Insertable, type Selectable, sql } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
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
const lockSurveyQuery = prepared((db, p: { id: number }) =>
  adapterOf(db).forUpdate(db.selectFrom('surveys').select('id').where('id', '=', p.id)),
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

  /** Holds a survey's row until the transaction ends (PostgreSQL; SQLite has one writer): one answer at a time per link. */
  async lockSurvey(db: DbOrTrx, id: number): Promise<void> {
    if (adapterOf(db).locksRows) await lockSurveyQuery.run(db, { id });
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

  async insertAnswer(db: DbOrTrx, values: AnswerValues): Promise<number> {
    const row = await db
      .insertInto('survey_answers')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async updateAnswer(
    db: DbOrTrx,
    id: number,
    values: Pick<AnswerValues, 'rating' | 'positive' | 'effort' | 'comment' | 'reason_id' | 'updated_at'>,
  ): Promise<void> {
    await db.updateTable('survey_answers').set(values).where('id', '=', id).execute();
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

import type { z } from 'zod';
import {
  type AnswerTheme,
  cesAverage,
  type createSurveyReasonBody,
  csatRate,
  type FeedbackSummary,
  ratingLabel,
  type SurveyAnswer,
  type SurveyReason,
  type SurveySettings,
  type surveyAnswersQuery,
  type TicketSatisfaction,
  type UpdateSurveySettingsBody,
  type updateSurveyReasonBody,
} from '../../../contracts/feedback';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { cursorId, encodeCursor } from '../../platform/pagination';
import { loadTicket } from '../tickets';
import {
  type AnswerFilter,
  type AnswerRow,
  type ReasonRow,
  feedbackRepository as repo,
} from './feedback.repository';
import { storedSentiment } from './feedback.sentiment';
import { loadSurveySettings } from './feedback.surveys';
import { themesRepository } from './feedback.themes.repository';

type AnswersQuery = z.output<typeof surveyAnswersQuery>;
type CreateReasonBody = z.output<typeof createSurveyReasonBody>;
type UpdateReasonBody = z.output<typeof updateSurveyReasonBody>;

const DAY = 86_400_000;
const ref = (id: number | null, name: string | null) => (id !== null && name !== null ? { id, name } : null);

export function toAnswer(row: AnswerRow, themes: AnswerTheme[] = []): SurveyAnswer {
  return {
    id: row.id,
    ticket: {
      id: row.ticket_id,
      subject: row.ticket_subject,
      channel: row.channel as SurveyAnswer['ticket']['channel'],
    },
    customer: { id: row.customer_id, name: row.customer_name, email: row.customer_email },
    organization: ref(row.organization_id, row.organization_name),
    agent: ref(row.agent_id, row.agent_name),
    team: ref(row.team_id, row.team_name),
    category: ref(row.category_id, row.category_name),
    scale: row.scale,
    rating: row.rating,
    ratingLabel: ratingLabel(row.scale, row.rating),
    positive: row.positive === 1,
    effort: row.effort,
    comment: row.comment,
    reason: ref(row.reason_id, row.reason_label),
    answeredAt: row.answered_at,
    updatedAt: row.updated_at,
    sentiment: storedSentiment(row),
    themes,
  };
}

/** Answers with the themes they are tagged with. */
export async function answersWithThemes(db: DbOrTrx, rows: AnswerRow[]): Promise<SurveyAnswer[]> {
  const tags = await themesRepository.themesOfAnswers(
    db,
    rows.map((r) => r.id),
  );
  const byAnswer = new Map<number, AnswerTheme[]>();
  for (const t of tags)
    byAnswer.set(t.answer_id, [
      ...(byAnswer.get(t.answer_id) ?? []),
      { id: t.theme_id, name: t.name, source: t.source },
    ]);
  return rows.map((r) => toAnswer(r, byAnswer.get(r.id) ?? []));
}

const toReason = (row: ReasonRow): SurveyReason => ({
  id: row.id,
  label: row.label,
  position: row.position,
  active: row.active === 1,
});

/** The answers' filter from the query: a period's days are whole UTC days. */
function filterOf(q: AnswersQuery): AnswerFilter {
  return {
    positive: q.score === undefined ? undefined : q.score === 'positive',
    rating: q.rating,
    agentId: q.agentId,
    teamId: q.teamId,
    categoryId: q.categoryId,
    organizationId: q.organizationId,
    channel: q.channel,
    withComment: q.withComment,
    sentiment: q.sentiment,
    themeId: q.themeId,
    customerId: q.customerId,
    from: q.from ? `${q.from}T00:00:00.000Z` : undefined,
    until: q.to ? new Date(Date.parse(`${q.to}T00:00:00.000Z`) + DAY).toISOString() : undefined,
  };
}

/** CSAT, CES and the response rate of the answers a filter keeps. */
export async function summaryOf(db: DbOrTrx, filter: AnswerFilter): Promise<FeedbackSummary> {
  const totals = await repo.totals(db, filter);
  const sent = await repo.sentIn(db, filter.from, filter.until);
  return {
    answers: totals.answers,
    positive: totals.positive,
    csat: csatRate(totals.positive, totals.answers),
    ces: cesAverage(totals.effortSum, totals.effortCount),
    sent: sent.sent,
    responseRate: sent.sent === 0 ? null : (100 * sent.answered) / sent.sent,
    sentiments: await themesRepository.sentimentCounts(db, filter),
    themes: await themesRepository.themeCounts(db, filter),
  };
}

export function feedbackService({ db }: AppDeps) {
  return {
    async settings(ctx: RequestContext): Promise<SurveySettings> {
      authorize(ctx.actor, 'feedback.read');
      return loadSurveySettings(db);
    },

    async updateSettings(ctx: RequestContext, input: UpdateSurveySettingsBody): Promise<SurveySettings> {
      authorize(ctx.actor, 'feedback.manage');
      return db.transaction().execute(async (trx) => {
        const before = await loadSurveySettings(trx);
        const next = { ...before, ...input, updatedAt: nowIso() };
        await repo.saveSettings(trx, {
          enabled: next.enabled ? 1 : 0,
          scale: next.scale,
          ask_effort: next.askEffort ? 1 : 0,
          delay_minutes: next.delayMinutes,
          channels: JSON.stringify(next.channels),
          types: JSON.stringify(next.types),
          team_ids: JSON.stringify(next.teamIds),
          change_days: next.changeDays,
          link_days: next.linkDays,
          updated_at: next.updatedAt,
        });
        const { updatedAt: _b, ...was } = before;
        const { updatedAt: _a, ...now } = next;
        await recordAudit(trx, ctx, {
          action: 'feedback.settings_updated',
          entityType: 'settings',
          entityId: 'surveys',
          before: was,
          after: now,
        });
        return next;
      });
    },

    async reasons(ctx: RequestContext): Promise<{ data: SurveyReason[] }> {
      authorize(ctx.actor, 'feedback.read');
      return { data: (await repo.reasons(db)).map(toReason) };
    },

    async createReason(ctx: RequestContext, input: CreateReasonBody): Promise<SurveyReason> {
      authorize(ctx.actor, 'feedback.manage');
      return db.transaction().execute(async (trx) => {
        const position = (await repo.reasons(trx)).length;
        const id = await repo.insertReason(trx, {
          label: input.label,
          active: input.active ? 1 : 0,
          position,
          created_at: nowIso(),
        });
        await recordAudit(trx, ctx, {
          action: 'feedback.reason_created',
          entityType: 'survey_reason',
          entityId: id,
          after: { label: input.label },
        });
        return toReason((await repo.reason(trx, id))!);
      });
    },

    async updateReason(ctx: RequestContext, id: number, input: UpdateReasonBody): Promise<SurveyReason> {
      authorize(ctx.actor, 'feedback.manage');
      return db.transaction().execute(async (trx) => {
        const before = await repo.reason(trx, id);
        if (!before) throw notFound('SURVEY_REASON_NOT_FOUND', `Reason #${id}`);
        await repo.updateReason(trx, id, {
          label: input.label,
          active: input.active === undefined ? undefined : input.active ? 1 : 0,
          position: input.position,
        });
        const after = (await repo.reason(trx, id))!;
        await recordAudit(trx, ctx, {
          action: 'feedback.reason_updated',
          entityType: 'survey_reason',
          entityId: id,
          before: toReason(before),
          after: toReason(after),
        });
        return toReason(after);
      });
    },

    /** The feedback inbox: answers newest first, with CSAT, CES and the response rate of the same filter. */
    async answers(ctx: RequestContext, q: AnswersQuery) {
      authorize(ctx.actor, 'feedback.read');
      const filter = filterOf(q);
      const rows = await repo.listAnswers(db, filter, q.limit + 1, cursorId(q.cursor));
      const page = rows.slice(0, q.limit);
      return {
        data: await answersWithThemes(db, page),
        nextCursor: rows.length > q.limit ? encodeCursor([page.at(-1)!.id]) : null,
        summary: await summaryOf(db, filter),
      };
    },

    /** A ticket's survey and its answer, for the ticket page. */
    async ofTicket(ctx: RequestContext, ticketId: number): Promise<TicketSatisfaction> {
      authorize(ctx.actor, 'tickets.read');
      await loadTicket(db, ticketId);
      const survey = await repo.surveyOfTicket(db, ticketId);
      if (!survey) return { survey: null, answer: null };
      const answer = await repo.answerOfSurvey(db, survey.id);
      const full = answer ? await repo.answerById(db, answer.id) : undefined;
      return {
        survey: { status: survey.status, dueAt: survey.due_at, sentAt: survey.sent_at },
        answer: full ? (await answersWithThemes(db, [full]))[0]! : null,
      };
    },
  };
}

export type FeedbackService = ReturnType<typeof feedbackService>;

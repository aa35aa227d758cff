import type { PublicSurvey, SurveyAnswerBody, SurveySettings } from '../../../contracts/feedback';
import { cesQuestion, isPositiveRating, surveyAnswerBody } from '../../../contracts/feedback';
import type { Config } from '../../config';
import type { Db, DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import { groupCommit, groupCommitDefaults } from '../../db/group-commit';
import { withSavepoint } from '../../db/savepoint';
import { oncePerTransaction } from '../../db/transaction-memo';
import type { Actor, RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import { randomToken, sha256 } from '../../platform/crypto';
import { AppError, notFound } from '../../platform/errors';
import { clearJobFailure, dueJobFailures, recordJobFailure } from '../../platform/job-failures';
import { parseStringList } from '../../platform/json';
import { escapeHtml } from '../../platform/markdown';
import { queueTicketMail } from '../mailboxes';
import { loadTicket, type TicketChange } from '../tickets';
import { afterAnswerRecorded } from './feedback.loop';
import {
  type AnswerRow,
  feedbackRepository as repo,
  type SettingsRow,
  type SurveyRow,
} from './feedback.repository';
import {
  answerProblem,
  changeableUntil,
  defaultSurveySettings,
  isSurveyed,
  linkExpiresAt,
  surveyDueAt,
} from './feedback.rules';
import { scoreSentiment } from './feedback.sentiment';

/** The job's name: its failed items on the jobs page. */
export const SURVEY_JOB = 'satisfaction-surveys';
const BATCH = 50;

export function toSettings(row: SettingsRow | undefined): SurveySettings {
  if (!row) return defaultSurveySettings;
  return {
    enabled: row.enabled === 1,
    scale: row.scale,
    askEffort: row.ask_effort === 1,
    delayMinutes: row.delay_minutes,
    channels: parseStringList(row.channels) as SurveySettings['channels'],
    types: parseStringList(row.types) as SurveySettings['types'],
    teamIds: parseStringList(row.team_ids).map(Number).filter(Number.isInteger),
    changeDays: row.change_days,
    linkDays: row.link_days,
    updatedAt: row.updated_at,
  };
}

export const loadSurveySettings = async (db: DbOrTrx) => toSettings(await repo.settings(db));

/**
 * The subscriber to ticket events (ADR 0021): when a change solves a ticket, schedules its
 * survey, attributed to the assignee and team of that moment. A ticket is surveyed once: solved
 * again before its survey went out, the survey waits again and names who solved it last.
 */
export async function scheduleSurvey(db: DbOrTrx, change: TicketChange): Promise<void> {
  if (change.historic) return;
  if (!change.events.some((e) => e.type === 'status_changed' && e.to === 'solved')) return;
  const settings = await loadSurveySettings(db);
  if (!settings.enabled) return;
  const ticket = await loadTicket(db, change.ticketId);
  const solved = {
    channel: ticket.channel,
    type: ticket.type,
    teamId: ticket.team?.id ?? null,
    requesterEmail: ticket.requester.email,
  };
  if (!isSurveyed(settings, solved)) return;
  const values = {
    agent_id: ticket.assignee?.id ?? null,
    team_id: ticket.team?.id ?? null,
    due_at: surveyDueAt(settings, Date.parse(change.at)),
    scale: settings.scale,
    ask_effort: settings.askEffort ? 1 : 0,
  };
  const existing = await repo.surveyOfTicket(db, ticket.id);
  if (existing) {
    await repo.reschedule(db, existing.id, values);
    return;
  }
  await repo.insertSurvey(db, {
    ...values,
    ticket_id: ticket.id,
    customer_id: ticket.requester.id,
    status: 'scheduled',
    token_hash: null,
    sent_at: null,
    expires_at: null,
    created_at: change.at,
  });
}

/** The survey's one-click links, as text and as HTML. */
function ratingLinks(url: string, scale: SurveyRow['scale']) {
  const choices =
    scale === 'binary'
      ? [
          { rating: 1, label: 'Good, I am satisfied' },
          { rating: 0, label: 'Bad, I am not satisfied' },
        ]
      : [
          { rating: 5, label: '5 – Very satisfied' },
          { rating: 4, label: '4 – Satisfied' },
          { rating: 3, label: '3 – Neutral' },
          { rating: 2, label: '2 – Dissatisfied' },
          { rating: 1, label: '1 – Very dissatisfied' },
        ];
  const href = (rating: number) => `${url}?rating=${rating}`;
  return {
    text: choices.map((c) => `${c.label}: ${href(c.rating)}`).join('\n'),
    html: choices
      .map((c) => `<a href="${escapeHtml(href(c.rating))}">${escapeHtml(c.label)}</a>`)
      .join('<br>'),
  };
}

/** Sends one due survey; a ticket no longer solved is not surveyed. */
async function sendOne(db: DbOrTrx, config: Config, survey: SurveyRow, settings: SurveySettings) {
  const ticket = await loadTicket(db, survey.ticket_id);
  if ((ticket.status !== 'solved' && ticket.status !== 'closed') || !ticket.requester.email) {
    await repo.claim(db, survey.id, 'scheduled', { status: 'cancelled' });
    return;
  }
  const token = randomToken();
  const now = Date.now();
  const claimed = await repo.claim(db, survey.id, 'scheduled', {
    status: 'sent',
    token_hash: sha256(token),
    sent_at: new Date(now).toISOString(),
    expires_at: linkExpiresAt(settings, now),
  });
  if (!claimed) return;
  const url = `${config.publicUrl.replace(/\/$/, '')}/survey/${token}`;
  const links = ratingLinks(url, survey.scale);
  await queueTicketMail(db, config, {
    ticket,
    template: 'satisfaction_survey',
    to: ticket.requester.email,
    values: { 'survey.url': url, 'survey.links': links.text },
    html: { 'survey.links': links.html },
  });
}

/**
 * Sends the surveys whose time has come, each once: the survey is claimed by its status in the
 * transaction that queues its mail. A survey that cannot be sent waits with backoff and becomes
 * a dead letter on the jobs page instead of holding up the others.
 */
export async function sendDueSurveys(db: Db, config: Config): Promise<number> {
  const settings = await loadSurveySettings(db);
  const retried = await db.transaction().execute(async (trx) => {
    const failures = await dueJobFailures(trx, SURVEY_JOB, BATCH);
    // A retry (with backoff, or an admin's from the jobs page) puts the survey back in line.
    for (const failure of failures) {
      await clearJobFailure(trx, SURVEY_JOB, failure.item_key);
      await repo.requeue(trx, Number(failure.item_key), nowIso());
    }
    return failures.length;
  });
  const due = await repo.due(db, nowIso(), BATCH);
  for (const survey of due) {
    await db.transaction().execute((trx) =>
      withSavepoint(
        trx,
        `survey_${survey.id}`,
        () => sendOne(trx, config, survey, settings),
        async (error) => {
          const item = {
            job: SURVEY_JOB,
            key: String(survey.id),
            label: `Survey of ticket ${survey.ticket_id}`,
          };
          const status = await recordJobFailure(trx, item, error);
          if (status === 'dead') await repo.claim(trx, survey.id, 'scheduled', { status: 'cancelled' });
          else
            await repo.reschedule(trx, survey.id, {
              ...survey,
              due_at: new Date(Date.now() + 60_000).toISOString(),
            });
        },
      ),
    );
  }
  return due.length + retried;
}

const surveyNotFound = () => notFound('SURVEY_NOT_FOUND', 'This survey link');

/** The survey a link's token opens, if it was sent. */
async function surveyOfToken(db: DbOrTrx, token: string): Promise<SurveyRow> {
  const survey = await repo.surveyByTokenHash(db, sha256(token));
  if (!survey || survey.sent_at === null) throw surveyNotFound();
  return survey;
}

/** What a survey page is made of: the ticket it is about, the answer given (if any) and the reasons offered. */
interface SurveyState {
  ticket: {
    id: number;
    subject: string;
    organizationId: number | null;
    categoryId: number | null;
    channel: string;
  };
  answer:
    | (Pick<AnswerRow, 'id' | 'rating' | 'effort' | 'comment' | 'reason_id' | 'answered_at'> & {
        /** Filed under the ticket's organisation and category of the time it was first given. */
        filedUnder?: { organizationId: number | null; categoryId: number | null };
      })
    | undefined;
  reasons: { id: number; label: string }[];
}

/** The reasons a customer may pick: read once per transaction (a batch of answers shares them). */
const activeReasons = (db: DbOrTrx) =>
  oncePerTransaction(db, 'feedback.active-reasons', async () =>
    (await repo.reasons(db)).filter((r) => r.active === 1),
  );

/** The survey settings, read once per transaction. */
const surveySettingsOnce = (db: DbOrTrx) =>
  oncePerTransaction(db, 'feedback.survey-settings', () => loadSurveySettings(db));

async function stateOf(db: DbOrTrx, survey: SurveyRow): Promise<SurveyState> {
  const row = await repo.surveyState(db, survey.id);
  if (!row) throw surveyNotFound();
  return {
    ticket: {
      id: row.ticket_id,
      subject: row.ticket_subject,
      organizationId: row.organization_id,
      categoryId: row.category_id,
      channel: row.channel,
    },
    answer:
      row.answer_id === null || row.rating === null || row.answered_at === null
        ? undefined
        : {
            id: row.answer_id,
            rating: row.rating,
            effort: row.effort,
            comment: row.comment ?? '',
            reason_id: row.reason_id,
            answered_at: row.answered_at,
            filedUnder: { organizationId: row.answer_organization_id, categoryId: row.answer_category_id },
          },
    reasons: await activeReasons(db),
  };
}

async function publicView(db: DbOrTrx, survey: SurveyRow, settings: SurveySettings): Promise<PublicSurvey> {
  return viewOf(survey, settings, await stateOf(db, survey));
}

function viewOf(
  survey: SurveyRow,
  settings: SurveySettings,
  { ticket, answer, reasons }: SurveyState,
): PublicSurvey {
  const until = changeableUntil(survey.expires_at, answer?.answered_at ?? null, settings.changeDays);
  return {
    ticket: { id: ticket.id, subject: ticket.subject },
    scale: survey.scale,
    askEffort: survey.ask_effort === 1,
    effortQuestion: cesQuestion,
    reasons: reasons.map((r) => ({ id: r.id, label: r.label })),
    answer: answer
      ? { rating: answer.rating, effort: answer.effort, comment: answer.comment, reasonId: answer.reason_id }
      : null,
    changeableUntil: until,
    expired: until !== null && until <= nowIso(),
  };
}

/** A sent survey of a portal customer's own ticket; nobody else's, and none that has not gone out. */
async function surveyOfOwnTicket(db: DbOrTrx, customerId: number, ticketId: number): Promise<SurveyRow> {
  const survey = await repo.surveyOfTicket(db, ticketId);
  if (!survey || survey.customer_id !== customerId || survey.sent_at === null) throw surveyNotFound();
  return survey;
}

/** Refuses an answer the survey's scale cannot take (before any transaction is begun). */
function checkAnswer(survey: SurveyRow, input: ReturnType<typeof surveyAnswerBody.parse>): void {
  const problem = answerProblem({ scale: survey.scale, askEffort: survey.ask_effort === 1 }, input);
  if (problem)
    throw new AppError('VALIDATION_FAILED', problem.message, [
      { path: [problem.path], message: problem.message },
    ]);
}

/**
 * Records the answer to a survey, or changes the one given: one answer per survey, never two.
 * The page it answers with is the one read before, with the answer just written.
 */
async function answerSurvey(trx: DbOrTrx, found: SurveyRow, body: SurveyAnswerBody): Promise<PublicSurvey> {
  const input = surveyAnswerBody.parse(body);
  // Two answers to one link at once: the second waits here, then finds the first and changes it.
  const taken = await repo.takeForAnswer(trx, found.id);
  if (!taken) throw surveyNotFound();
  const { ticket_subject, ticket_organization_id, ticket_category_id, ticket_channel, answer_id, ...survey } =
    taken;
  // A survey not answered yet needs nothing more read; an answer to change is read with its names.
  const state: SurveyState =
    answer_id === null || ticket_subject === null || ticket_channel === null
      ? {
          ticket: {
            id: survey.ticket_id,
            subject: ticket_subject ?? '',
            organizationId: ticket_organization_id,
            categoryId: ticket_category_id,
            channel: ticket_channel ?? '',
          },
          answer: undefined,
          reasons: await activeReasons(trx),
        }
      : await stateOf(trx, survey);
  return recordAnswer(trx, survey, state, input);
}

/** Writes the answer the survey's state allows, and what follows it. */
async function recordAnswer(
  trx: DbOrTrx,
  survey: SurveyRow,
  state: SurveyState,
  input: ReturnType<typeof surveyAnswerBody.parse>,
): Promise<PublicSurvey> {
  const settings = await surveySettingsOnce(trx);
  const current = viewOf(survey, settings, state);
  if (current.expired)
    throw new AppError(
      'SURVEY_CLOSED',
      current.answer ? 'The time to change this answer is over' : 'This survey link has expired',
    );
  checkAnswer(survey, input);
  if (input.reasonId !== null && !current.reasons.some((r) => r.id === input.reasonId))
    throw notFound('SURVEY_REASON_NOT_FOUND', `Reason #${input.reasonId}`);
  const now = nowIso();
  const sentiment = scoreSentiment(input.comment);
  const values = {
    rating: input.rating,
    positive: isPositiveRating(survey.scale, input.rating) ? 1 : 0,
    effort: input.effort,
    comment: input.comment,
    reason_id: input.reasonId,
    updated_at: now,
    sentiment_score: sentiment.score,
    sentiment_comparative: sentiment.comparative,
    sentiment: sentiment.label,
  };
  const { ticket, answer: existing } = state;
  const filedUnder = existing?.filedUnder ?? ticket;
  const recorded = {
    ...values,
    ticket_id: ticket.id,
    customer_id: survey.customer_id,
    organization_id: filedUnder.organizationId,
    agent_id: survey.agent_id,
    team_id: survey.team_id,
    category_id: filedUnder.categoryId,
    channel: ticket.channel,
    scale: survey.scale,
    answered_at: existing?.answered_at ?? now,
  };
  let answerId: number;
  if (existing) {
    answerId = existing.id;
    await repo.updateAnswer(trx, answerId, values);
    await afterAnswerRecorded(trx, { ...recorded, id: answerId }, now);
  } else {
    const inserted = await repo.insertAnswer(trx, { ...recorded, survey_id: survey.id });
    // Answered meanwhile by a transaction that committed while this one waited for the survey:
    // that answer is read and changed.
    if (inserted === undefined) return recordAnswer(trx, survey, await stateOf(trx, survey), input);
    answerId = inserted;
    await afterAnswerRecorded(trx, { ...recorded, id: answerId }, now, { fresh: true });
  }
  const answered = { ...values, id: answerId, answered_at: recorded.answered_at };
  return viewOf(survey, settings, { ...state, answer: answered });
}

/**
 * The survey as its customer answers it: from the mailed link (no sign-in), or in the portal
 * beside the request it is about (`customerOf` says which customer a portal account is).
 */
export const surveyService = (db: Db, customerOf: (actor: Actor) => Promise<number | null>) => {
  // Answers that arrive together share one transaction (docs/adr/0005-group-commit.md); a link
  // that opens nothing or an answer its scale cannot take is refused before it joins one.
  const answering = groupCommit(db, groupCommitDefaults(adapterOf(db)));
  async function portalCustomer(ctx: RequestContext): Promise<number> {
    authorize(ctx.actor, 'portal.use');
    const customerId = await customerOf(ctx.actor);
    if (!customerId) throw new AppError('FORBIDDEN', 'This account is not linked to a customer');
    return customerId;
  }
  return {
    /** What the survey page shows. Reading it records nothing (a mail scanner opening the link casts no vote). */
    async view(token: string): Promise<PublicSurvey> {
      const survey = await surveyOfToken(db, token);
      return publicView(db, survey, await loadSurveySettings(db));
    },

    async answer(token: string, body: SurveyAnswerBody): Promise<PublicSurvey> {
      const survey = await surveyOfToken(db, token);
      checkAnswer(survey, surveyAnswerBody.parse(body));
      // The batch's transaction reads the survey again as it locks it.
      return answering((trx) => answerSurvey(trx, survey, body));
    },

    /** The survey of one of the signed-in customer's requests; null until one was sent (or for anyone else's). */
    async viewOwn(ctx: RequestContext, ticketId: number): Promise<PublicSurvey | null> {
      const customerId = await portalCustomer(ctx);
      const survey = await repo.surveyOfTicket(db, ticketId);
      if (!survey || survey.customer_id !== customerId || survey.sent_at === null) return null;
      return publicView(db, survey, await loadSurveySettings(db));
    },

    async answerOwn(ctx: RequestContext, ticketId: number, body: SurveyAnswerBody): Promise<PublicSurvey> {
      const customerId = await portalCustomer(ctx);
      return db
        .transaction()
        .execute(async (trx) => answerSurvey(trx, await surveyOfOwnTicket(trx, customerId, ticketId), body));
    },
  };
};

export type SurveyService = ReturnType<typeof surveyService>;

/** A survey as it happened, written in one go (demo data): sent, and answered or not. */
export interface PastSurvey {
  ticket: {
    id: number;
    customerId: number;
    organizationId: number | null;
    agentId: number | null;
    teamId: number | null;
    categoryId: number | null;
    channel: string;
  };
  sentAt: string;
  /** The link's token, when the caller keeps it (the bench answers through the links it made). */
  token?: string;
  answer: {
    rating: number;
    effort: number | null;
    comment: string;
    reasonId: number | null;
    at: string;
  } | null;
}

export async function insertPastSurvey(db: DbOrTrx, past: PastSurvey): Promise<void> {
  const settings = await loadSurveySettings(db);
  const { ticket } = past;
  const surveyId = await repo.insertSurvey(db, {
    ticket_id: ticket.id,
    customer_id: ticket.customerId,
    agent_id: ticket.agentId,
    team_id: ticket.teamId,
    scale: settings.scale,
    ask_effort: settings.askEffort ? 1 : 0,
    status: past.answer ? 'answered' : 'sent',
    token_hash: sha256(past.token ?? randomToken()),
    due_at: past.sentAt,
    sent_at: past.sentAt,
    expires_at: linkExpiresAt(settings, Date.parse(past.sentAt)),
    created_at: past.sentAt,
  });
  if (!past.answer) return;
  const sentiment = scoreSentiment(past.answer.comment);
  const answer = {
    ticket_id: ticket.id,
    customer_id: ticket.customerId,
    organization_id: ticket.organizationId,
    agent_id: ticket.agentId,
    team_id: ticket.teamId,
    category_id: ticket.categoryId,
    channel: ticket.channel,
    scale: settings.scale,
    rating: past.answer.rating,
    positive: isPositiveRating(settings.scale, past.answer.rating) ? 1 : 0,
    effort: settings.askEffort ? past.answer.effort : null,
    comment: past.answer.comment,
    reason_id: past.answer.reasonId,
    answered_at: past.answer.at,
    updated_at: past.answer.at,
    sentiment_score: sentiment.score,
    sentiment_comparative: sentiment.comparative,
    sentiment: sentiment.label,
  };
  const answerId = await repo.insertAnswer(db, { ...answer, survey_id: surveyId });
  if (answerId === undefined) throw new Error(`Survey ${surveyId} has an answer already`);
  await afterAnswerRecorded(db, { ...answer, id: answerId }, past.answer.at, { historic: true, fresh: true });
}

/** Adds a reason to the list customers pick from (demo data). */
export const insertSurveyReason = (db: DbOrTrx, label: string, position: number, at: string) =>
  repo.insertReason(db, { label, position, active: 1, created_at: at });

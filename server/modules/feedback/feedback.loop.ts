import type { Selectable } from 'kysely';
import { cesAverage, csatRate, ratingLabel } from '../../../contracts/feedback';
import { type FollowUpSource, isNegativeRating, type MyScores } from '../../../contracts/feedback-loop';
import type { SurveyAnsweredEvent } from '../../../contracts/trends';
import type { Db, DbOrTrx } from '../../db/database';
import type { SurveyAnswersTable } from '../../db/schema';
import { oncePerTransaction } from '../../db/transaction-memo';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { parseStringList } from '../../platform/json';
import { notifyUsers } from '../notifications';
import { recordTicketEvents } from '../tickets';
import { followUpsRepository } from './feedback.followups.repository';
import { feedbackRepository } from './feedback.repository';
import { scoreSentiment } from './feedback.sentiment';
import { scheduleTestimonialRequest } from './feedback.testimonials';
import { type AnswerKind, themesRepository } from './feedback.themes.repository';
import { compileThemeRules, matchThemes } from './feedback.themes.rules';

const DAY = 86_400_000;
const BATCH = 200;

/** The active theme rules, compiled once per call. */
export async function activeThemeRules(db: DbOrTrx) {
  const rules = await themesRepository.rules(db, true);
  return compileThemeRules(rules.map((r) => ({ themeId: r.theme_id, phrases: parseStringList(r.phrases) })));
}

/**
 * Tags an answer (CSAT or NPS) with the themes the active rules find in its comment (in the
 * caller's transaction, whose answers share one reading of the rules). A `fresh` answer, inserted
 * in this transaction, has no tags to compare with.
 */
export async function applyThemeRules(
  db: DbOrTrx,
  answerId: number,
  comment: string,
  now: string,
  kind: AnswerKind = 'csat',
  fresh = false,
) {
  const rules = await oncePerTransaction(db, 'feedback.theme-rules', () => activeThemeRules(db));
  return themesRepository.setRuleTags(db, answerId, matchThemes(comment, rules), now, kind, fresh);
}

/**
 * What every NPS answer gets when it is recorded or changed, in its transaction: the comment's
 * sentiment and the themes the rules find (hand tags stay), as a survey answer does.
 */
export async function afterNpsAnswerRecorded(db: DbOrTrx, recipientId: number, comment: string, at: string) {
  await themesRepository.setSentiment(db, recipientId, scoreSentiment(comment), 'nps');
  await applyThemeRules(db, recipientId, comment, at, 'nps');
}

const HOUR = 3_600_000;
/** Hours a follow-up has before it is overdue, until a manager sets another figure. */
export const DEFAULT_FOLLOW_UP_HOURS = 48;

/** What opens a follow-up: an answer (its kind and id) and what it is about. */
export interface FollowUpSourceInput {
  kind: FollowUpSource;
  id: number;
  ticketId: number | null;
  customerId: number;
  teamId: number | null;
  /** What the customer said, in a line ("Bad: the refund took three weeks"). */
  summary: string;
  /** When the answer was given (now, or in the past for demo data). */
  at: string;
}

export async function followUpSettings(db: DbOrTrx) {
  const row = await followUpsRepository.settings(db);
  return { dueHours: row?.due_hours ?? DEFAULT_FOLLOW_UP_HOURS, updatedAt: row?.updated_at ?? null };
}

/**
 * Opens the follow-up of a negative answer, in the caller's transaction, once per source (kind +
 * id, unique in the table): an answer changed back and forth never opens a second one. Owned by
 * the lead of the ticket's team, or by the managers when there is none; the owner's bell rings.
 * Any answer source (CSAT here, NPS detractors) calls this. Answers the id, or null when the
 * source already had one.
 */
export async function openFollowUp(db: DbOrTrx, source: FollowUpSourceInput): Promise<number | null> {
  const { dueHours } = await oncePerTransaction(db, 'feedback.follow-up-settings', () =>
    followUpSettings(db),
  );
  const teamId = source.teamId;
  const ownerId =
    teamId === null
      ? null
      : await oncePerTransaction(db, `feedback.lead-of:${teamId}`, () =>
          followUpsRepository.leadOf(db, teamId),
        );
  const id = await followUpsRepository.insertOnce(db, {
    source_kind: source.kind,
    source_id: source.id,
    ticket_id: source.ticketId,
    customer_id: source.customerId,
    team_id: source.teamId,
    owner_id: ownerId,
    summary: source.summary.slice(0, 200),
    state: 'open',
    outcome: null,
    outcome_note: '',
    contact_ticket_id: null,
    due_at: new Date(Date.parse(source.at) + dueHours * HOUR).toISOString(),
    closed_at: null,
    created_at: source.at,
    updated_at: source.at,
  });
  if (id === null) return null;
  await followUpsRepository.addEvent(db, {
    follow_up_id: id,
    actor_id: null,
    kind: 'opened',
    from_state: null,
    to_state: 'open',
    outcome: null,
    note: '',
    ticket_id: null,
    at: source.at,
  });
  const recipients =
    ownerId !== null
      ? [ownerId]
      : await oncePerTransaction(db, 'feedback.managers', () => followUpsRepository.managers(db));
  if (recipients.length > 0)
    await notifyUsers(db, recipients, {
      kind: 'follow_up',
      ticketId: source.ticketId,
      messageId: null,
      actorName: 'Steward',
      detail: source.summary.slice(0, 200),
      now: source.at,
    });
  return id;
}

/** A CSAT answer as it was just written: what its event, tags, testimonial and follow-up are made from. */
export type RecordedAnswer = Pick<
  Selectable<SurveyAnswersTable>,
  | 'id'
  | 'ticket_id'
  | 'customer_id'
  | 'organization_id'
  | 'team_id'
  | 'category_id'
  | 'scale'
  | 'rating'
  | 'positive'
  | 'effort'
  | 'comment'
  | 'answered_at'
>;

/**
 * What follows a CSAT answer being recorded or changed, in its transaction (the answer written
 * with its comment's sentiment): its event, the themes the rules find, a promoter's testimonial
 * request, and for a negative rating the follow-up (once per answer, however often it changes).
 * `historic` answers (demo data) get no testimonial request; a `fresh` answer, inserted in this
 * transaction, has no tags or testimonial request yet to be looked up.
 */
export async function afterAnswerRecorded(
  db: DbOrTrx,
  answer: RecordedAnswer,
  at = nowIso(),
  options: { historic?: boolean; fresh?: boolean } = {},
): Promise<void> {
  // The answer as it now stands reaches the trend aggregates through the ticket's history.
  const recorded: SurveyAnsweredEvent = {
    id: answer.id,
    at: new Date(answer.answered_at).toISOString(),
    positive: answer.positive,
    effort: answer.effort,
    categoryId: answer.category_id,
    organizationId: answer.organization_id,
  };
  await recordTicketEvents(
    db,
    answer.ticket_id,
    { type: 'customer', id: answer.customer_id },
    [{ type: 'survey_answered', to: JSON.stringify(recorded) }],
    at,
    { historic: options.historic },
  );
  await applyThemeRules(db, answer.id, answer.comment, at, 'csat', options.fresh);
  // An answer written as history (demo data) asks nobody for a testimonial.
  if (!options.historic)
    await scheduleTestimonialRequest(
      db,
      {
        kind: 'csat',
        id: answer.id,
        customerId: answer.customer_id,
        organizationId: answer.organization_id,
        score: answer.rating,
        scale: answer.scale,
        comment: answer.comment,
        at,
      },
      { fresh: options.fresh },
    );
  if (!isNegativeRating(answer.scale, answer.rating)) return;
  const said = answer.comment.trim().replace(/\s+/g, ' ');
  await openFollowUp(db, {
    kind: 'csat',
    id: answer.id,
    ticketId: answer.ticket_id,
    customerId: answer.customer_id,
    teamId: answer.team_id,
    summary: `${ratingLabel(answer.scale, answer.rating)}${said ? `: ${said}` : ''}`,
    at,
  });
}

/**
 * The scoring job: survey and NPS answers recorded before sentiment was kept (migrations 0038 and
 * 0045) get theirs, a batch at a time.
 */
export const SENTIMENT_JOB = 'feedback-sentiment';
export async function scoreUnscoredAnswers(db: Db): Promise<number> {
  let done = 0;
  for (const kind of ['csat', 'nps'] as const)
    for (;;) {
      const batch = await themesRepository.comments(db, 0, BATCH, true, kind);
      if (batch.length === 0) break;
      await db.transaction().execute(async (trx) => {
        for (const a of batch)
          await themesRepository.setSentiment(trx, a.id, scoreSentiment(a.comment), kind);
      });
      done += batch.length;
    }
  return done;
}

/** An agent's own scores: CSAT, CES and answers over the last 30 days against the 30 before, and their latest comments. */
export async function myScores(db: Db, ctx: RequestContext): Promise<MyScores> {
  authorize(ctx.actor, 'feedback.own');
  if (ctx.actor.type !== 'user') throw new AppError('FORBIDDEN', 'API tokens have no scores of their own');
  const agentId = ctx.actor.id;
  const now = Date.now();
  const currentFrom = new Date(now - 30 * DAY).toISOString();
  const previousFrom = new Date(now - 60 * DAY).toISOString();
  const period = async (from: string, until: string) => {
    const t = await feedbackRepository.totals(db, { agentId, from, until });
    return {
      from,
      answers: t.answers,
      csat: csatRate(t.positive, t.answers),
      ces: cesAverage(t.effortSum, t.effortCount),
    };
  };
  const [current, previous, latest] = await Promise.all([
    period(currentFrom, new Date(now + DAY).toISOString()),
    period(previousFrom, currentFrom),
    feedbackRepository.listAnswers(db, { agentId, withComment: true }, 5, null),
  ]);
  return {
    current,
    previous,
    latestComments: latest.map((a) => ({
      id: a.id,
      ticket: { id: a.ticket_id, subject: a.ticket_subject },
      ratingLabel: ratingLabel(a.scale, a.rating),
      positive: a.positive === 1,
      comment: a.comment,
      sentiment: a.sentiment,
      answeredAt: a.answered_at,
    })),
  };
}

/** A customer's survey answers for their 360 timeline (the customers module's timeline port), newest first. */
export async function answersOfCustomer(db: DbOrTrx, customerId: number) {
  const rows = await feedbackRepository.listAnswers(db, { customerId }, 100, null);
  return rows.map((a) => ({
    at: a.answered_at,
    answer: {
      id: a.id,
      ticketId: a.ticket_id,
      ticketSubject: a.ticket_subject,
      rating: a.rating,
      ratingLabel: ratingLabel(a.scale, a.rating),
      positive: a.positive === 1,
      effort: a.effort,
      comment: a.comment,
      sentiment: a.sentiment,
    },
  }));
}

/** Adds a theme (demo data); answers its id. */
export const insertTheme = (db: DbOrTrx, name: string, at: string) =>
  themesRepository.insertTheme(db, name, at);

/** Adds a theme rule with its phrases as given, lower case (demo data). */
export const insertThemeRule = (db: DbOrTrx, themeId: number, phrases: string[], at: string) =>
  themesRepository.insertRule(db, {
    theme_id: themeId,
    phrases: JSON.stringify(phrases),
    active: 1,
    now: at,
  });

/** Tags an answer by hand (demo data). */
export const tagAnswerByHand = (db: DbOrTrx, answerId: number, themeId: number, at: string) =>
  themesRepository.tagByHand(db, answerId, themeId, at);

/** The follow-ups opened so far, oldest first (demo data works them). */
export const followUpsSoFar = (db: DbOrTrx) => followUpsRepository.all(db);

/**
 * Works a follow-up as it happened (demo data): contacted, then resolved with an outcome, each
 * step in its history, at the times given.
 */
export async function workPastFollowUp(
  db: DbOrTrx,
  past: {
    id: number;
    actorId: number | null;
    contactedAt: string | null;
    resolved: { at: string; outcome: 'recovered' | 'not_recovered' | 'no_response'; note: string } | null;
  },
): Promise<void> {
  let state: 'open' | 'contacted' | 'resolved' = 'open';
  if (past.contactedAt) {
    await followUpsRepository.addEvent(db, {
      follow_up_id: past.id,
      actor_id: past.actorId,
      kind: 'state',
      from_state: 'open',
      to_state: 'contacted',
      outcome: null,
      note: 'Called the customer.',
      ticket_id: null,
      at: past.contactedAt,
    });
    await followUpsRepository.update(db, past.id, { state: 'contacted', updated_at: past.contactedAt });
    state = 'contacted';
  }
  if (past.resolved) {
    await followUpsRepository.addEvent(db, {
      follow_up_id: past.id,
      actor_id: past.actorId,
      kind: 'state',
      from_state: state,
      to_state: 'resolved',
      outcome: past.resolved.outcome,
      note: past.resolved.note,
      ticket_id: null,
      at: past.resolved.at,
    });
    await followUpsRepository.update(db, past.id, {
      state: 'resolved',
      outcome: past.resolved.outcome,
      outcome_note: past.resolved.note,
      closed_at: past.resolved.at,
      updated_at: past.resolved.at,
    });
  }
}

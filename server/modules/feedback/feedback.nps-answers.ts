import type { z } from 'zod';
import { type AnswerTheme, npsRate } from '../../../contracts/feedback';
import {
  type NpsInboxAnswer,
  type NpsSummary,
  type npsAnswersPage,
  type npsAnswersQuery,
  npsGroupOf,
} from '../../../contracts/nps';
import type { DbOrTrx } from '../../db/database';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { decodeCursor, encodeCursor } from '../../platform/pagination';
import {
  matchingNps,
  type NpsAnswerFilter,
  type NpsAnswerKey,
  type NpsAnswerRow,
  npsAnswersRepository as repo,
} from './feedback.nps-answers.repository';
import { storedSentiment } from './feedback.sentiment';
import { themesRepository } from './feedback.themes.repository';

type AnswersQuery = z.output<typeof npsAnswersQuery>;
type AnswersPage = z.output<typeof npsAnswersPage>;

const DAY = 86_400_000;

function toNpsAnswer(row: NpsAnswerRow, themes: AnswerTheme[]): NpsInboxAnswer {
  const score = row.score ?? 0;
  return {
    id: row.id,
    customer: { id: row.customer_id, name: row.customer_name, email: row.customer_email },
    organization:
      row.organization_id !== null && row.organization_name !== null
        ? { id: row.organization_id, name: row.organization_name }
        : null,
    campaign: { id: row.campaign_id, name: row.campaign_name },
    score,
    group: npsGroupOf(score),
    comment: row.comment,
    answeredAt: row.answered_at ?? '',
    updatedAt: row.updated_at ?? row.answered_at ?? '',
    sentiment: storedSentiment(row),
    themes,
  };
}

/** NPS answers with the themes they are tagged with. */
async function withThemes(db: DbOrTrx, rows: NpsAnswerRow[]): Promise<NpsInboxAnswer[]> {
  const tags = await themesRepository.themesOfAnswers(
    db,
    rows.map((r) => r.id),
    'nps',
  );
  const byAnswer = new Map<number, AnswerTheme[]>();
  for (const t of tags)
    byAnswer.set(t.answer_id, [
      ...(byAnswer.get(t.answer_id) ?? []),
      { id: t.theme_id, name: t.name, source: t.source },
    ]);
  return rows.map((r) => toNpsAnswer(r, byAnswer.get(r.id) ?? []));
}

/** An answered NPS recipient as the inbox shows it; 404 for an unknown or unanswered one. */
export async function loadNpsAnswer(db: DbOrTrx, id: number): Promise<NpsInboxAnswer> {
  const row = await repo.answerById(db, id);
  if (!row) throw notFound('NPS_ANSWER_NOT_FOUND', `NPS answer #${id}`);
  return (await withThemes(db, [row]))[0]!;
}

/** The filter from the query: a period's days are whole UTC days. */
function filterOf(q: AnswersQuery): NpsAnswerFilter {
  return {
    group: q.group,
    score: q.score,
    campaignId: q.campaignId,
    organizationId: q.organizationId,
    customerId: q.customerId,
    withComment: q.withComment,
    sentiment: q.sentiment,
    themeId: q.themeId,
    from: q.from ? `${q.from}T00:00:00.000Z` : undefined,
    until: q.to ? new Date(Date.parse(`${q.to}T00:00:00.000Z`) + DAY).toISOString() : undefined,
  };
}

/** The page's end from the cursor: the last answer's time and id. */
function keyOf(cursor: string | undefined): NpsAnswerKey | null {
  const key = decodeCursor(cursor);
  if (key === null) return null;
  const [at, id] = key;
  if (typeof at !== 'string' || typeof id !== 'number')
    throw new AppError('VALIDATION_FAILED', 'The cursor is not valid', [
      { path: ['cursor'], message: 'Invalid cursor' },
    ]);
  return { at, id };
}

/** NPS, the groups and the response rate of the answers a filter keeps (the reports read these too). */
export async function npsFigures(db: DbOrTrx, f: NpsAnswerFilter) {
  const [totals, sent] = await Promise.all([repo.totals(db, f), repo.sentIn(db, f)]);
  return {
    ...totals,
    nps: npsRate(totals.promoters, totals.detractors, totals.answers),
    sent: sent.sent,
    responseRate: sent.sent === 0 ? null : (100 * sent.answered) / sent.sent,
  };
}

/** NPS, the groups, the response rate, tones and themes of the answers a filter keeps. */
async function summaryOf(db: DbOrTrx, f: NpsAnswerFilter): Promise<NpsSummary> {
  const [figures, sentiments, themes] = await Promise.all([
    npsFigures(db, f),
    repo.sentimentCounts(db, f),
    themesRepository.themeCountsAmong(db, 'nps', matchingNps(db, f).select('r.id')),
  ]);
  return { ...figures, sentiments, themes };
}

/** The feedback inbox's NPS answers: campaign answers newest first, filtered, with NPS of the same filter. */
export function npsAnswersService({ db }: Pick<AppDeps, 'db'>) {
  return {
    async answers(ctx: RequestContext, q: AnswersQuery): Promise<AnswersPage> {
      authorize(ctx.actor, 'feedback.read');
      const filter = filterOf(q);
      const rows = await repo.listAnswers(db, filter, q.limit + 1, keyOf(q.cursor));
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        data: await withThemes(db, page),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.answered_at ?? '', last.id]) : null,
        summary: await summaryOf(db, filter),
      };
    },
  };
}

export type NpsAnswersService = ReturnType<typeof npsAnswersService>;

import type { DbOrTrx } from '../../db/database';
import type { NpsRecipientsTable } from '../../db/schema';

/** The NPS inbox's filter: answered campaign recipients only. */
export interface NpsAnswerFilter {
  group?: 'promoter' | 'passive' | 'detractor';
  score?: number;
  campaignId?: number;
  organizationId?: number;
  customerId?: number;
  withComment?: boolean;
  sentiment?: 'negative' | 'neutral' | 'positive';
  themeId?: number;
  /** answered_at >= from, < until (ISO timestamps) */
  from?: string;
  until?: string;
}

/** An answered recipient with the names the inbox shows. */
export interface NpsAnswerRow
  extends Pick<
    NpsRecipientsTable,
    | 'campaign_id'
    | 'customer_id'
    | 'organization_id'
    | 'comment'
    | 'sentiment_score'
    | 'sentiment_comparative'
  > {
  id: number;
  score: number | null;
  answered_at: string | null;
  updated_at: string | null;
  sentiment: NpsRecipientsTable['sentiment'];
  customer_name: string;
  customer_email: string | null;
  organization_name: string | null;
  campaign_name: string;
}

/** Where a page ends: the last answer's time and id (newest first). */
export interface NpsAnswerKey {
  at: string;
  id: number;
}

const answers = (db: DbOrTrx) =>
  db
    .selectFrom('nps_recipients as r')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .innerJoin('nps_campaigns as k', 'k.id', 'r.campaign_id')
    .leftJoin('organizations as o', 'o.id', 'r.organization_id')
    .select([
      'r.id',
      'r.campaign_id',
      'r.customer_id',
      'r.organization_id',
      'r.score',
      'r.comment',
      'r.answered_at',
      'r.updated_at',
      'r.sentiment',
      'r.sentiment_score',
      'r.sentiment_comparative',
      'c.name as customer_name',
      'c.email as customer_email',
      'o.name as organization_name',
      'k.name as campaign_name',
    ])
    .where('r.answered_at', 'is not', null);

/** The recipients sent to a campaign, organisation or customer filtered on (answered or not). */
function recipientsOf(db: DbOrTrx, f: Pick<NpsAnswerFilter, 'campaignId' | 'organizationId' | 'customerId'>) {
  let q = db.selectFrom('nps_recipients as r');
  if (f.campaignId !== undefined) q = q.where('r.campaign_id', '=', f.campaignId);
  if (f.organizationId !== undefined) q = q.where('r.organization_id', '=', f.organizationId);
  if (f.customerId !== undefined) q = q.where('r.customer_id', '=', f.customerId);
  return q;
}

/** The answers a filter keeps, as a query on `nps_recipients` alone (counts and lists share it). */
export function matchingNps(db: DbOrTrx, f: NpsAnswerFilter) {
  let q = recipientsOf(db, f).where('r.answered_at', 'is not', null);
  if (f.group === 'promoter') q = q.where('r.score', '>=', 9);
  if (f.group === 'passive') q = q.where('r.score', '>=', 7).where('r.score', '<=', 8);
  if (f.group === 'detractor') q = q.where('r.score', '<=', 6);
  if (f.score !== undefined) q = q.where('r.score', '=', f.score);
  if (f.withComment !== undefined) q = q.where('r.comment', f.withComment ? '<>' : '=', '');
  if (f.from !== undefined) q = q.where('r.answered_at', '>=', f.from);
  if (f.until !== undefined) q = q.where('r.answered_at', '<', f.until);
  if (f.sentiment !== undefined) q = q.where('r.sentiment', '=', f.sentiment);
  if (f.themeId !== undefined) {
    const themeId = f.themeId;
    q = q.where('r.id', 'in', (eb) =>
      eb.selectFrom('nps_answer_themes').select('answer_id').where('theme_id', '=', themeId),
    );
  }
  return q;
}

/** NPS answers for the feedback inbox: pages newest answered first, and the figures of a filter. */
export const npsAnswersRepository = {
  answerById(db: DbOrTrx, id: number): Promise<NpsAnswerRow | undefined> {
    return answers(db).where('r.id', '=', id).executeTakeFirst();
  },

  /** A page of answers, newest answered first, after the answer `after` (keyset on answered_at, id). */
  listAnswers(
    db: DbOrTrx,
    f: NpsAnswerFilter,
    limit: number,
    after: NpsAnswerKey | null,
  ): Promise<NpsAnswerRow[]> {
    let ids = matchingNps(db, f).select('r.id');
    if (after !== null)
      ids = ids.where((eb) =>
        eb.or([
          eb('r.answered_at', '<', after.at),
          eb.and([eb('r.answered_at', '=', after.at), eb('r.id', '<', after.id)]),
        ]),
      );
    return answers(db)
      .where('r.id', 'in', ids.orderBy('r.answered_at', 'desc').orderBy('r.id', 'desc').limit(limit))
      .orderBy('r.answered_at', 'desc')
      .orderBy('r.id', 'desc')
      .execute();
  },

  /** Answers and the answers by group among those a filter keeps. */
  async totals(db: DbOrTrx, f: NpsAnswerFilter) {
    const row = await matchingNps(db, f)
      .select((eb) => [
        eb.fn.countAll<number>().as('answers'),
        eb.fn.sum<number>(eb.case().when('r.score', '>=', 9).then(1).else(0).end()).as('promoters'),
        eb.fn.sum<number>(eb.case().when('r.score', '<=', 6).then(1).else(0).end()).as('detractors'),
      ])
      .executeTakeFirstOrThrow();
    const answered = Number(row.answers);
    const promoters = Number(row.promoters ?? 0);
    const detractors = Number(row.detractors ?? 0);
    return { answers: answered, promoters, detractors, passives: answered - promoters - detractors };
  },

  /**
   * Campaign mails sent in a period (for the response rate) to the campaign, organisation and
   * customer a filter names, and how many of them were answered.
   */
  async sentIn(db: DbOrTrx, f: NpsAnswerFilter) {
    let q = recipientsOf(db, f);
    if (f.from !== undefined) q = q.where('r.sent_at', '>=', f.from);
    if (f.until !== undefined) q = q.where('r.sent_at', '<', f.until);
    const row = await q
      .select((eb) => [
        eb.fn.countAll<number>().as('sent'),
        eb.fn.count<number>('r.answered_at').as('answered'),
      ])
      .executeTakeFirstOrThrow();
    return { sent: Number(row.sent), answered: Number(row.answered) };
  },

  /** Answers by sentiment among those a filter keeps. */
  async sentimentCounts(db: DbOrTrx, f: NpsAnswerFilter) {
    const rows = await matchingNps(db, f)
      .select('r.sentiment')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .groupBy('r.sentiment')
      .execute();
    const out = { negative: 0, neutral: 0, positive: 0 };
    for (const r of rows) if (r.sentiment) out[r.sentiment] = Number(r.count);
    return out;
  },
};

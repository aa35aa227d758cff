import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { NpsCampaignsTable, NpsRecipientsTable, NpsSettingsTable } from '../../db/schema';

export type NpsSettingsRow = Selectable<NpsSettingsTable>;
export type CampaignRow = Selectable<NpsCampaignsTable>;
export type RecipientRow = Selectable<NpsRecipientsTable>;

/** A customer a segment may reach, with what the segment filters on. */
export interface Candidate {
  id: number;
  name: string;
  email: string;
  organization_id: number | null;
  tags: string;
}

export interface SegmentQuery {
  organizationIds: number[];
  plans: string[];
  /** Only customers with a ticket created at or after this time. */
  activeSince: string | null;
  /** YYYY-MM-DD: contracts running on this day count for plans. */
  today: string;
}

/** NPS campaigns, their recipients and answers, and the campaign opt-outs (the inbox's reads of answers: `feedback.nps-answers.repository.ts`). */
export const campaignsRepository = {
  settings(db: DbOrTrx): Promise<NpsSettingsRow | undefined> {
    return db.selectFrom('nps_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  },

  async saveSettings(db: DbOrTrx, values: Omit<NpsSettingsRow, 'id'>): Promise<void> {
    const updated = await db.updateTable('nps_settings').set(values).where('id', '=', 1).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      await db
        .insertInto('nps_settings')
        .values({ id: 1, ...values })
        .execute();
  },

  list(db: DbOrTrx): Promise<CampaignRow[]> {
    return db
      .selectFrom('nps_campaigns')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  },

  find(db: DbOrTrx, id: number): Promise<CampaignRow | undefined> {
    return db.selectFrom('nps_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insert(db: DbOrTrx, values: Omit<Insertable<NpsCampaignsTable>, 'id'>): Promise<number> {
    const row = await db.insertInto('nps_campaigns').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async update(db: DbOrTrx, id: number, values: Partial<Omit<CampaignRow, 'id'>>): Promise<void> {
    await db.updateTable('nps_campaigns').set(values).where('id', '=', id).execute();
  },

  /** Active campaigns whose next run has come. */
  due(db: DbOrTrx, now: string, limit: number): Promise<CampaignRow[]> {
    return db
      .selectFrom('nps_campaigns')
      .selectAll()
      .where('status', '=', 'active')
      .where('next_run_at', '<=', now)
      .orderBy('next_run_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  /**
   * Claims a campaign's run: moves its next run on only if nobody did since it was read. One
   * node wins; on PostgreSQL a second one waits for the first's row lock, then sees the moved
   * time and updates nothing.
   */
  async claimRun(
    db: DbOrTrx,
    campaign: CampaignRow,
    values: Pick<CampaignRow, 'next_run_at' | 'last_run_at' | 'runs' | 'status' | 'updated_at'>,
  ): Promise<boolean> {
    if (campaign.next_run_at === null) return false;
    const result = await db
      .updateTable('nps_campaigns')
      .set(values)
      .where('id', '=', campaign.id)
      .where('status', '=', 'active')
      .where('runs', '=', campaign.runs)
      .where('next_run_at', '=', campaign.next_run_at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async addSkipped(db: DbOrTrx, id: number, cap: number, unsubscribed: number): Promise<void> {
    await db
      .updateTable('nps_campaigns')
      .set((eb) => ({
        skipped_cap: eb('skipped_cap', '+', cap),
        skipped_unsubscribed: eb('skipped_unsubscribed', '+', unsubscribed),
      }))
      .where('id', '=', id)
      .execute();
  },

  /** Customers with an address (not merged away) matching the SQL-side parts of a segment. */
  candidates(db: DbOrTrx, q: SegmentQuery): Promise<Candidate[]> {
    let query = db
      .selectFrom('customers as c')
      .select(['c.id', 'c.name', 'c.email', 'c.organization_id', 'c.tags'])
      .where('c.email', 'is not', null)
      .where('c.merged_into_id', 'is', null);
    if (q.organizationIds.length > 0) query = query.where('c.organization_id', 'in', q.organizationIds);
    if (q.plans.length > 0)
      query = query.where('c.organization_id', 'in', (eb) =>
        eb
          .selectFrom('contracts as k')
          .select('k.organization_id')
          .where('k.plan', 'in', q.plans)
          .where('k.starts_on', '<=', q.today)
          .where('k.ends_on', '>=', q.today),
      );
    if (q.activeSince !== null) {
      const since = q.activeSince;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('tickets as t')
            .select('t.id')
            .whereRef('t.requester_id', '=', 'c.id')
            .where('t.created_at', '>=', since),
        ),
      );
    }
    return query.orderBy('c.id').execute() as Promise<Candidate[]>;
  },

  /** Of these customers, those asked by any campaign since `since`. */
  async askedSince(db: DbOrTrx, customerIds: number[], since: string): Promise<Set<number>> {
    const out = new Set<number>();
    for (let i = 0; i < customerIds.length; i += 500) {
      const rows = await db
        .selectFrom('nps_recipients')
        .select('customer_id')
        .distinct()
        .where('customer_id', 'in', customerIds.slice(i, i + 500))
        .where('sent_at', '>', since)
        .execute();
      for (const r of rows) out.add(r.customer_id);
    }
    return out;
  },

  async optedOut(db: DbOrTrx, customerIds: number[]): Promise<Set<number>> {
    const out = new Set<number>();
    for (let i = 0; i < customerIds.length; i += 500) {
      const rows = await db
        .selectFrom('nps_optouts')
        .select('customer_id')
        .where('customer_id', 'in', customerIds.slice(i, i + 500))
        .execute();
      for (const r of rows) out.add(r.customer_id);
    }
    return out;
  },

  async isOptedOut(db: DbOrTrx, customerId: number): Promise<boolean> {
    const row = await db
      .selectFrom('nps_optouts')
      .select('customer_id')
      .where('customer_id', '=', customerId)
      .executeTakeFirst();
    return row !== undefined;
  },

  async optOut(db: DbOrTrx, customerId: number, source: 'link' | 'portal', at: string): Promise<void> {
    await db
      .insertInto('nps_optouts')
      .values({ customer_id: customerId, source, created_at: at })
      .onConflict((oc) => oc.column('customer_id').doNothing())
      .execute();
  },

  async optIn(db: DbOrTrx, customerId: number): Promise<void> {
    await db.deleteFrom('nps_optouts').where('customer_id', '=', customerId).execute();
  },

  /** Adds a recipient and answers its id; null when this customer already has a row in this run. */
  async insertRecipient(
    db: DbOrTrx,
    values: Omit<Insertable<NpsRecipientsTable>, 'id'>,
  ): Promise<number | null> {
    const rows = await db
      .insertInto('nps_recipients')
      .values(values)
      .onConflict((oc) => oc.columns(['campaign_id', 'run', 'customer_id']).doNothing())
      .returning('id')
      .execute();
    return rows[0]?.id ?? null;
  },

  recipientByTokenHash(db: DbOrTrx, tokenHash: string): Promise<RecipientRow | undefined> {
    return db.selectFrom('nps_recipients').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  },

  async answer(
    db: DbOrTrx,
    id: number,
    values: Pick<RecipientRow, 'score' | 'comment' | 'answered_at' | 'updated_at'>,
  ): Promise<void> {
    await db.updateTable('nps_recipients').set(values).where('id', '=', id).execute();
  },

  /** Per campaign: mails sent, answers, and the answers by group. */
  async totals(db: DbOrTrx, campaignIds: number[]) {
    if (campaignIds.length === 0) return [];
    const rows = await db
      .selectFrom('nps_recipients')
      .select((eb) => [
        'campaign_id',
        eb.fn.countAll<number>().as('sent'),
        eb.fn.count<number>('answered_at').as('answered'),
        eb.fn.sum<number>(eb.case().when('score', '>=', 9).then(1).else(0).end()).as('promoters'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.and([eb('score', '>=', 7), eb('score', '<=', 8)]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('passives'),
        eb.fn.sum<number>(eb.case().when('score', '<=', 6).then(1).else(0).end()).as('detractors'),
      ])
      .where('campaign_id', 'in', campaignIds)
      .groupBy('campaign_id')
      .execute();
    return rows.map((r) => ({
      campaignId: r.campaign_id,
      sent: Number(r.sent),
      answered: Number(r.answered),
      promoters: Number(r.promoters ?? 0),
      passives: Number(r.passives ?? 0),
      detractors: Number(r.detractors ?? 0),
    }));
  },

  /** A campaign's answers, newest first, with the customer's and organisation's names. */
  answers(db: DbOrTrx, campaignId: number, limit: number) {
    return db
      .selectFrom('nps_recipients as r')
      .innerJoin('customers as c', 'c.id', 'r.customer_id')
      .leftJoin('organizations as o', 'o.id', 'r.organization_id')
      .select([
        'r.id',
        'r.customer_id',
        'r.organization_id',
        'r.score',
        'r.comment',
        'r.answered_at',
        'c.name as customer_name',
        'c.email as customer_email',
        'o.name as organization_name',
      ])
      .where('r.campaign_id', '=', campaignId)
      .where('r.answered_at', 'is not', null)
      .orderBy('r.answered_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(limit)
      .execute();
  },

  customerEmail(db: DbOrTrx, customerId: number) {
    return db
      .selectFrom('customers')
      .select(['id', 'name', 'email'])
      .where('id', '=', customerId)
      .executeTakeFirst();
  },
};

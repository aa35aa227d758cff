import type { z } from 'zod';
import { npsRate } from '../../../contracts/feedback';
import {
  type createNpsCampaignBody,
  type NpsAnswerBody,
  type NpsCadence,
  type NpsCampaign,
  type NpsResults,
  type NpsSegment,
  type NpsSettings,
  nextRunAfter,
  npsAnswerBody,
  npsGroupOf,
  npsQuestionText,
  npsSegmentSchema,
  type PublicNps,
  type PublicUnsubscribe,
  type SurveyPreference,
  type UpdateNpsSettingsBody,
  type updateNpsCampaignBody,
} from '../../../contracts/nps';
import type { Config } from '../../config';
import type { Db, DbOrTrx } from '../../db/database';
import { withSavepoint } from '../../db/savepoint';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { Actor, RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import { randomToken, sha256 } from '../../platform/crypto';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { recordJobFailure } from '../../platform/job-failures';
import { queueCustomerMail } from '../mailboxes';
import {
  type CampaignRow,
  type Candidate,
  type NpsSettingsRow,
  type RecipientRow,
  campaignsRepository as repo,
} from './feedback.campaigns.repository';
import { afterNpsAnswerRecorded, openFollowUp } from './feedback.loop';
import { scheduleTestimonialRequest } from './feedback.testimonials';

/** The job's name: its failed items on the jobs page. */
export const NPS_JOB = 'nps-campaigns';
const DAY = 86_400_000;
const BATCH = 10;

type CreateBody = z.output<typeof createNpsCampaignBody>;
type UpdateBody = z.output<typeof updateNpsCampaignBody>;

export const defaultNpsSettings: NpsSettings = { company: '', capDays: 90, linkDays: 30, updatedAt: null };

const toSettings = (row: NpsSettingsRow | undefined): NpsSettings =>
  row
    ? { company: row.company, capDays: row.cap_days, linkDays: row.link_days, updatedAt: row.updated_at }
    : defaultNpsSettings;

export const loadNpsSettings = async (db: DbOrTrx) => toSettings(await repo.settings(db));

function segmentOf(row: CampaignRow): NpsSegment {
  const parsed = npsSegmentSchema.safeParse(JSON.parse(row.segment));
  return parsed.success ? parsed.data : { organizationIds: [], tags: [], plans: [], activeDays: null };
}

type Totals = Awaited<ReturnType<typeof repo.totals>>[number];
const noTotals = (campaignId: number): Totals => ({
  campaignId,
  sent: 0,
  answered: 0,
  promoters: 0,
  passives: 0,
  detractors: 0,
});

/** NPS from group counts: the same formula as `npsOf`, without listing every score. */
const npsOfCounts = (t: Totals) =>
  npsRate(t.promoters, t.detractors, t.promoters + t.passives + t.detractors);

function toCampaign(row: CampaignRow, totals: Totals): NpsCampaign {
  return {
    id: row.id,
    name: row.name,
    question: row.question,
    segment: segmentOf(row),
    cadence: row.cadence,
    status: row.status,
    startsAt: row.starts_at,
    nextRunAt: row.status === 'active' ? row.next_run_at : null,
    lastRunAt: row.last_run_at,
    runs: row.runs,
    sent: totals.sent,
    answered: totals.answered,
    skippedCap: row.skipped_cap,
    skippedUnsubscribed: row.skipped_unsubscribed,
    nps: npsOfCounts(totals),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function campaignView(db: DbOrTrx, row: CampaignRow): Promise<NpsCampaign> {
  const [totals] = await repo.totals(db, [row.id]);
  return toCampaign(row, totals ?? noTotals(row.id));
}

const campaignNotFound = (id: number) => notFound('NPS_CAMPAIGN_NOT_FOUND', `NPS campaign #${id}`);

/**
 * The customers one run of a campaign asks: the segment's customers, less those who unsubscribed
 * and those any campaign asked within the frequency cap (both counted, to show).
 */
export async function resolveSegment(
  db: DbOrTrx,
  segment: NpsSegment,
  settings: NpsSettings,
  now: number,
): Promise<{ recipients: Candidate[]; skippedCap: number; skippedUnsubscribed: number }> {
  const today = new Date(now).toISOString().slice(0, 10);
  const activeSince =
    segment.activeDays === null ? null : new Date(now - segment.activeDays * DAY).toISOString();
  const wanted = new Set(segment.tags.map((t) => t.toLowerCase()));
  const all = (
    await repo.candidates(db, {
      organizationIds: segment.organizationIds,
      plans: segment.plans,
      activeSince,
      today,
    })
  ).filter((c) => {
    if (wanted.size === 0) return true;
    const tags = JSON.parse(c.tags) as unknown;
    return Array.isArray(tags) && tags.some((t) => typeof t === 'string' && wanted.has(t.toLowerCase()));
  });
  const ids = all.map((c) => c.id);
  const out = await repo.optedOut(db, ids);
  const recent =
    settings.capDays > 0
      ? await repo.askedSince(db, ids, new Date(now - settings.capDays * DAY).toISOString())
      : new Set<number>();
  const recipients = all.filter((c) => !out.has(c.id) && !recent.has(c.id));
  return {
    recipients,
    skippedUnsubscribed: all.filter((c) => out.has(c.id)).length,
    skippedCap: all.filter((c) => !out.has(c.id) && recent.has(c.id)).length,
  };
}

const linkBase = (config: Config) => config.publicUrl.replace(/\/$/, '');

/**
 * Runs one due campaign: claims the run (one node wins), works out who it asks, and queues one
 * mail per customer with a link bound to that customer (the token kept as a hash) and a one-click
 * unsubscribe, all in the claim's transaction.
 */
async function runCampaign(trx: DbOrTrx, config: Config, campaign: CampaignRow, settings: NpsSettings) {
  const now = Date.now();
  const at = new Date(now).toISOString();
  const next = nextRunAfter(campaign.cadence, campaign.next_run_at ?? at);
  const claimed = await repo.claimRun(trx, campaign, {
    runs: campaign.runs + 1,
    last_run_at: at,
    next_run_at: next,
    status: next === null ? 'finished' : 'active',
    updated_at: at,
  });
  if (!claimed) return 0;
  const run = campaign.runs + 1;
  const { recipients, skippedCap, skippedUnsubscribed } = await resolveSegment(
    trx,
    segmentOf(campaign),
    settings,
    now,
  );
  await repo.addSkipped(trx, campaign.id, skippedCap, skippedUnsubscribed);
  const question = npsQuestionText(campaign.question, settings.company);
  const expires = new Date(now + settings.linkDays * DAY).toISOString();
  let sent = 0;
  for (const customer of recipients) {
    const token = randomToken();
    const added = await repo.insertRecipient(trx, {
      campaign_id: campaign.id,
      run,
      customer_id: customer.id,
      organization_id: customer.organization_id,
      token_hash: sha256(token),
      sent_at: at,
      expires_at: expires,
      score: null,
      comment: '',
      answered_at: null,
      updated_at: null,
    });
    if (added === null) continue;
    const unsubscribe = `${linkBase(config)}/api/v1/public/unsubscribe/${token}`;
    await queueCustomerMail(trx, config, {
      template: 'nps_campaign',
      to: customer.email,
      values: {
        'customer.name': customer.name,
        'customer.email': customer.email,
        'company.name': settings.company || 'us',
        'nps.question': question,
        'nps.url': `${linkBase(config)}/nps/${token}`,
        'unsubscribe.url': `${linkBase(config)}/unsubscribe/${token}`,
      },
      headers: {
        'List-Unsubscribe': `<${unsubscribe}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    sent += 1;
  }
  return sent;
}

/**
 * Sends the campaigns whose time has come, each run once across nodes (see `claimRun`). A
 * campaign that fails is recorded on the jobs page and retried at its next look, without holding
 * up the others.
 */
export async function sendDueCampaigns(db: Db, config: Config): Promise<number> {
  const settings = await loadNpsSettings(db);
  const due = await repo.due(db, nowIso(), BATCH);
  let sent = 0;
  for (const campaign of due) {
    await db.transaction().execute((trx) =>
      withSavepoint(
        trx,
        `nps_${campaign.id}`,
        async () => {
          sent += await runCampaign(trx, config, campaign, settings);
        },
        async (error) => {
          await recordJobFailure(
            trx,
            { job: NPS_JOB, key: String(campaign.id), label: `NPS campaign "${campaign.name}"` },
            error,
          );
        },
      ),
    );
  }
  return sent;
}

/** The next run a campaign gets when it is (re)activated or its schedule changes. */
function nextRunOf(
  row: Pick<CampaignRow, 'runs' | 'starts_at' | 'last_run_at'>,
  cadence: NpsCadence,
): string | null {
  if (row.runs === 0) return row.starts_at;
  return row.last_run_at === null ? null : nextRunAfter(cadence, row.last_run_at);
}

const maskEmail = (email: string) => {
  const [user = '', domain = ''] = email.split('@');
  return `${user.slice(0, 2)}${'•'.repeat(Math.max(1, Math.min(6, user.length - 2)))}@${domain}`;
};

/** The NPS campaigns as managers run them, and as customers answer and unsubscribe. */
export const campaignsService = (
  { db }: Pick<AppDeps, 'db'>,
  customerOf: (actor: Actor) => Promise<number | null>,
) => {
  async function load(id: number): Promise<CampaignRow> {
    const row = await repo.find(db, id);
    if (!row) throw campaignNotFound(id);
    return row;
  }

  async function recipientOf(dbx: DbOrTrx, token: string): Promise<RecipientRow> {
    const row = await repo.recipientByTokenHash(dbx, sha256(token));
    if (!row) throw notFound('NPS_LINK_NOT_FOUND', 'This survey link');
    return row;
  }

  async function publicView(dbx: DbOrTrx, r: RecipientRow): Promise<PublicNps> {
    const settings = await loadNpsSettings(dbx);
    const campaign = await repo.find(dbx, r.campaign_id);
    return {
      question: npsQuestionText(campaign?.question ?? '', settings.company),
      company: settings.company,
      answer: r.score === null ? null : { score: r.score, comment: r.comment },
      expiresAt: r.expires_at,
      expired: r.expires_at <= nowIso(),
      unsubscribed: await repo.isOptedOut(dbx, r.customer_id),
    };
  }

  async function portalCustomer(ctx: RequestContext): Promise<number> {
    authorize(ctx.actor, 'portal.use');
    const customerId = await customerOf(ctx.actor);
    if (!customerId) throw new AppError('FORBIDDEN', 'This account is not linked to a customer');
    return customerId;
  }

  return {
    async list(ctx: RequestContext): Promise<{ data: NpsCampaign[] }> {
      authorize(ctx.actor, 'feedback.read');
      const rows = await repo.list(db);
      const totals = new Map(
        (
          await repo.totals(
            db,
            rows.map((r) => r.id),
          )
        ).map((t) => [t.campaignId, t]),
      );
      return { data: rows.map((r) => toCampaign(r, totals.get(r.id) ?? noTotals(r.id))) };
    },

    async create(ctx: RequestContext, body: CreateBody): Promise<NpsCampaign> {
      authorize(ctx.actor, 'feedback.manage');
      const at = nowIso();
      const startsAt = new Date(body.startsAt).toISOString();
      return db.transaction().execute(async (trx) => {
        const id = await repo.insert(trx, {
          name: body.name,
          question: body.question,
          segment: JSON.stringify(body.segment),
          cadence: body.cadence,
          status: body.status,
          starts_at: startsAt,
          next_run_at: startsAt,
          last_run_at: null,
          runs: 0,
          skipped_cap: 0,
          skipped_unsubscribed: 0,
          created_at: at,
          updated_at: at,
        });
        await recordAudit(trx, ctx, {
          action: 'nps.campaign_created',
          entityType: 'nps_campaign',
          entityId: id,
          after: { name: body.name, status: body.status, cadence: body.cadence },
        });
        return campaignView(trx, (await repo.find(trx, id))!);
      });
    },

    async results(ctx: RequestContext, id: number): Promise<NpsResults> {
      authorize(ctx.actor, 'feedback.read');
      const row = await load(id);
      const [totals = noTotals(id)] = await repo.totals(db, [id]);
      const answers = await repo.answers(db, id, 200);
      return {
        campaign: toCampaign(row, totals),
        nps: npsOfCounts(totals),
        promoters: totals.promoters,
        passives: totals.passives,
        detractors: totals.detractors,
        sent: totals.sent,
        answered: totals.answered,
        responseRate: totals.sent === 0 ? null : (100 * totals.answered) / totals.sent,
        answers: answers.map((a) => ({
          id: a.id,
          customer: { id: a.customer_id, name: a.customer_name, email: a.customer_email },
          organization:
            a.organization_id !== null && a.organization_name !== null
              ? { id: a.organization_id, name: a.organization_name }
              : null,
          score: a.score ?? 0,
          group: npsGroupOf(a.score ?? 0),
          comment: a.comment,
          answeredAt: a.answered_at ?? '',
        })),
      };
    },

    async update(ctx: RequestContext, id: number, body: UpdateBody): Promise<NpsCampaign> {
      authorize(ctx.actor, 'feedback.manage');
      return db.transaction().execute(async (trx) => {
        const was = await repo.find(trx, id);
        if (!was) throw campaignNotFound(id);
        if (body.status === 'draft' && was.runs > 0)
          throw new AppError('VALIDATION_FAILED', 'A campaign that was sent cannot go back to draft', [
            { path: ['status'], message: 'A campaign that was sent cannot go back to draft' },
          ]);
        const cadence = body.cadence ?? was.cadence;
        const startsAt = body.startsAt ? new Date(body.startsAt).toISOString() : was.starts_at;
        const scheduleChanged =
          body.cadence !== undefined || body.startsAt !== undefined || body.status === 'active';
        let nextRun = was.next_run_at;
        if (scheduleChanged) nextRun = nextRunOf({ ...was, starts_at: startsAt }, cadence);
        const status = body.status ?? (nextRun === null && was.runs > 0 ? 'finished' : was.status);
        const values = {
          name: body.name ?? was.name,
          question: body.question ?? was.question,
          segment: body.segment ? JSON.stringify(body.segment) : was.segment,
          cadence,
          status: status === 'active' && nextRun === null ? 'finished' : status,
          starts_at: startsAt,
          next_run_at: nextRun,
          updated_at: nowIso(),
        } as const;
        await repo.update(trx, id, values);
        await recordAudit(trx, ctx, {
          action: 'nps.campaign_updated',
          entityType: 'nps_campaign',
          entityId: id,
          before: { name: was.name, status: was.status, cadence: was.cadence, startsAt: was.starts_at },
          after: { name: values.name, status: values.status, cadence, startsAt },
        });
        return campaignView(trx, (await repo.find(trx, id))!);
      });
    },

    async settings(ctx: RequestContext): Promise<NpsSettings> {
      authorize(ctx.actor, 'feedback.read');
      return loadNpsSettings(db);
    },

    async updateSettings(ctx: RequestContext, body: UpdateNpsSettingsBody): Promise<NpsSettings> {
      authorize(ctx.actor, 'feedback.manage');
      return db.transaction().execute(async (trx) => {
        const was = await loadNpsSettings(trx);
        const next = { ...was, ...body, updatedAt: nowIso() };
        await repo.saveSettings(trx, {
          company: next.company,
          cap_days: next.capDays,
          link_days: next.linkDays,
          updated_at: next.updatedAt,
        });
        await recordAudit(trx, ctx, {
          action: 'nps.settings_updated',
          entityType: 'settings',
          entityId: 'nps',
          before: { company: was.company, capDays: was.capDays, linkDays: was.linkDays },
          after: { company: next.company, capDays: next.capDays, linkDays: next.linkDays },
        });
        return next;
      });
    },

    /** What the answer page shows. Reading it records nothing (a mail scanner opening the link casts no vote). */
    async view(token: string): Promise<PublicNps> {
      return publicView(db, await recipientOf(db, token));
    },

    /** Records the answer, or changes it while the link works: one answer per mail, never two. */
    async answer(token: string, body: NpsAnswerBody): Promise<PublicNps> {
      const input = npsAnswerBody.parse(body);
      return db.transaction().execute(async (trx) => {
        const r = await recipientOf(trx, token);
        const at = nowIso();
        if (r.expires_at <= at) throw new AppError('SURVEY_CLOSED', 'This survey link has expired');
        await repo.answer(trx, r.id, {
          score: input.score,
          comment: input.comment,
          answered_at: r.answered_at ?? at,
          updated_at: at,
        });
        await afterNpsAnswerRecorded(trx, r.id, input.comment, at);
        await scheduleTestimonialRequest(trx, {
          kind: 'nps',
          id: r.id,
          customerId: r.customer_id,
          organizationId: r.organization_id,
          score: input.score,
          scale: 'nps',
          comment: input.comment,
          at,
        });
        // A detractor gets a follow-up for the managers, once per answer however often it changes.
        if (npsGroupOf(input.score) === 'detractor')
          await openFollowUp(trx, {
            kind: 'nps',
            id: r.id,
            ticketId: null,
            customerId: r.customer_id,
            teamId: null,
            summary: `NPS ${input.score}${input.comment ? `: ${input.comment}` : ''}`,
            at,
          });
        return publicView(trx, (await repo.recipientByTokenHash(trx, r.token_hash))!);
      });
    },

    /** The unsubscribe page: records nothing. */
    async unsubscribeView(token: string): Promise<PublicUnsubscribe> {
      const r = await recipientOf(db, token);
      const customer = await repo.customerEmail(db, r.customer_id);
      return {
        email: maskEmail(customer?.email ?? ''),
        unsubscribed: await repo.isOptedOut(db, r.customer_id),
      };
    },

    /** One-click unsubscribe (RFC 8058): no sign-in; the link works even after it expired for answers. */
    async unsubscribe(token: string): Promise<{ ok: true }> {
      await db.transaction().execute(async (trx) => {
        const r = await recipientOf(trx, token);
        await repo.optOut(trx, r.customer_id, 'link', nowIso());
      });
      return { ok: true };
    },

    async preference(ctx: RequestContext): Promise<SurveyPreference> {
      const customerId = await portalCustomer(ctx);
      return { campaigns: !(await repo.isOptedOut(db, customerId)) };
    },

    async updatePreference(ctx: RequestContext, body: SurveyPreference): Promise<SurveyPreference> {
      const customerId = await portalCustomer(ctx);
      await db.transaction().execute(async (trx) => {
        if (body.campaigns) await repo.optIn(trx, customerId);
        else await repo.optOut(trx, customerId, 'portal', nowIso());
      });
      return { campaigns: body.campaigns };
    },
  };
};

export type CampaignsService = ReturnType<typeof campaignsService>;

/** A campaign as it happened, written in one go (demo data): its runs' recipients and answers, and opt-outs. */
export interface PastCampaign {
  name: string;
  question: string;
  segment: NpsSegment;
  cadence: NpsCadence;
  status: 'active' | 'finished';
  startsAt: string;
  nextRunAt: string | null;
  skippedCap: number;
  skippedUnsubscribed: number;
  recipients: {
    customerId: number;
    organizationId: number | null;
    sentAt: string;
    answer: { score: number; comment: string; at: string } | null;
  }[];
}

export async function insertPastCampaign(db: DbOrTrx, past: PastCampaign, linkDays: number): Promise<number> {
  const lastRun = [past.startsAt, ...past.recipients.map((r) => r.sentAt)].sort().at(-1) ?? past.startsAt;
  const id = await repo.insert(db, {
    name: past.name,
    question: past.question,
    segment: JSON.stringify(past.segment),
    cadence: past.cadence,
    status: past.status,
    starts_at: past.startsAt,
    next_run_at: past.nextRunAt,
    last_run_at: lastRun,
    runs: 1,
    skipped_cap: past.skippedCap,
    skipped_unsubscribed: past.skippedUnsubscribed,
    created_at: past.startsAt,
    updated_at: lastRun,
  });
  for (const r of past.recipients) {
    const recipientId = await repo.insertRecipient(db, {
      campaign_id: id,
      run: 1,
      customer_id: r.customerId,
      organization_id: r.organizationId,
      token_hash: sha256(randomToken()),
      sent_at: r.sentAt,
      expires_at: new Date(Date.parse(r.sentAt) + linkDays * DAY).toISOString(),
      score: r.answer?.score ?? null,
      comment: r.answer?.comment ?? '',
      answered_at: r.answer?.at ?? null,
      updated_at: r.answer?.at ?? null,
    });
    // Scored and tagged by the rules as an answer recorded then would have been.
    if (r.answer && recipientId !== null)
      await afterNpsAnswerRecorded(db, recipientId, r.answer.comment, r.answer.at);
  }
  return id;
}

/** The NPS settings and the customers who unsubscribed (demo data). */
export async function insertNpsSetup(
  db: DbOrTrx,
  settings: { company: string; capDays: number; linkDays: number },
  optouts: { customerId: number; at: string }[],
  at: string,
): Promise<void> {
  await repo.saveSettings(db, {
    company: settings.company,
    cap_days: settings.capDays,
    link_days: settings.linkDays,
    updated_at: at,
  });
  for (const o of optouts) await repo.optOut(db, o.customerId, 'link', o.at);
}

import {
  consentText,
  defaultConsentWording,
  defaultTestimonialBody,
  defaultTestimonialSubject,
  displayChoices,
  displayOf,
  type PublicTestimonial,
  type Testimonial,
  type TestimonialDecisionBody,
  type TestimonialExportItem,
  type TestimonialSettings,
  type TestimonialsQuery,
  testimonialDecisionBody,
  type UpdateTestimonialSettingsBody,
} from '../../../contracts/testimonials';
import type { Config } from '../../config';
import type { Db, DbOrTrx } from '../../db/database';
import { withSavepoint } from '../../db/savepoint';
import { oncePerTransaction } from '../../db/transaction-memo';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import { randomToken, sha256 } from '../../platform/crypto';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { recordJobFailure } from '../../platform/job-failures';
import { csvLine } from '../audit';
import { queueWordedCustomerMail } from '../mailboxes';
import { campaignsRepository } from './feedback.campaigns.repository';
import {
  testimonialsRepository as repo,
  type TestimonialFilter,
  type TestimonialListRow,
  type TestimonialSettingsRow,
} from './feedback.testimonials.repository';
import {
  decisionProblem,
  isQuotablePromoter,
  type PromoterCandidate,
  shownState,
} from './feedback.testimonials.rules';

/** The job's name: its failed items on the jobs page. */
export const TESTIMONIAL_JOB = 'testimonial-requests';
const DAY = 86_400_000;
const BATCH = 50;
const LIST_LIMIT = 500;

export const defaultTestimonialSettings: TestimonialSettings = {
  enabled: true,
  subject: defaultTestimonialSubject,
  body: defaultTestimonialBody,
  consentWording: defaultConsentWording,
  capDays: 180,
  linkDays: 30,
  delayMinutes: 10,
  updatedAt: null,
};

const toSettings = (row: TestimonialSettingsRow | undefined): TestimonialSettings =>
  row
    ? {
        enabled: row.enabled === 1,
        subject: row.subject,
        body: row.body,
        consentWording: row.consent_wording,
        capDays: row.cap_days,
        linkDays: row.link_days,
        delayMinutes: row.delay_minutes,
        updatedAt: row.updated_at,
      }
    : defaultTestimonialSettings;

export const loadTestimonialSettings = async (db: DbOrTrx) => toSettings(await repo.settings(db));

/** An answer just recorded or changed: its source and what it said. */
export interface AnswerForTestimonial extends PromoterCandidate {
  id: number;
  customerId: number;
  organizationId: number | null;
  at: string;
}

/**
 * Called with every answer recorded or changed, in its transaction: a quotable promoter's answer
 * gets one request, scheduled a little later; an answer changed before its request went out
 * updates (or, no longer quotable, holds back) the request. Once sent, the quote never changes.
 * A `fresh` answer, inserted in this transaction, has no request yet to look up.
 */
export async function scheduleTestimonialRequest(
  db: DbOrTrx,
  answer: AnswerForTestimonial,
  options: { fresh?: boolean } = {},
): Promise<void> {
  const quotable = isQuotablePromoter(answer);
  if (options.fresh && !quotable) return;
  const existing = options.fresh ? undefined : await repo.bySource(db, answer.kind, answer.id);
  // Answers recorded together share one reading of the settings.
  const settings = await oncePerTransaction(db, 'feedback.testimonial-settings', () =>
    loadTestimonialSettings(db),
  );
  const values = {
    quote: answer.comment.trim(),
    score: answer.score,
    due_at: new Date(Date.parse(answer.at) + settings.delayMinutes * 60_000).toISOString(),
    updated_at: answer.at,
  };
  if (existing) {
    if (existing.requested_at === null)
      await repo.update(db, existing.id, { ...values, state: quotable ? 'scheduled' : 'skipped' });
    return;
  }
  if (!quotable || !settings.enabled) return;
  await repo.insertOnce(db, {
    ...values,
    source_kind: answer.kind,
    source_id: answer.id,
    customer_id: answer.customerId,
    organization_id: answer.organizationId,
    state: 'scheduled',
    token_hash: null,
    requested_at: null,
    expires_at: null,
    consent_wording: null,
    display_as: null,
    display_name: null,
    display_organization: null,
    consented_at: null,
    declined_at: null,
    withdrawn_at: null,
    published: 1,
    created_at: answer.at,
  });
}

/** The company name the NPS settings keep ({company} in the consent wording). */
const companyOf = async (db: DbOrTrx) => (await campaignsRepository.settings(db))?.company ?? '';

const linkBase = (config: Config) => config.publicUrl.replace(/\/$/, '');

/** Sends one due request, or skips it: unsubscribed, asked within the cap, no address, turned off. */
async function sendOne(
  db: DbOrTrx,
  config: Config,
  row: TestimonialListRow,
  settings: TestimonialSettings,
  now: number,
) {
  const at = new Date(now).toISOString();
  const capped =
    settings.capDays > 0 &&
    (await repo.requestedSince(db, row.customer_id, new Date(now - settings.capDays * DAY).toISOString()));
  if (
    !settings.enabled ||
    !row.customer_email ||
    capped ||
    (await campaignsRepository.isOptedOut(db, row.customer_id))
  ) {
    await repo.claim(db, row.id, 'scheduled', { state: 'skipped', updated_at: at });
    return;
  }
  const company = await companyOf(db);
  const token = randomToken();
  const claimed = await repo.claim(db, row.id, 'scheduled', {
    state: 'requested',
    token_hash: sha256(token),
    requested_at: at,
    expires_at: new Date(now + settings.linkDays * DAY).toISOString(),
    consent_wording: consentText(settings.consentWording, company),
    updated_at: at,
  });
  if (!claimed) return;
  await queueWordedCustomerMail(db, config, {
    kind: 'testimonial_request',
    to: row.customer_email,
    subject: settings.subject,
    body: settings.body,
    values: {
      'customer.name': row.customer_name,
      'customer.email': row.customer_email,
      'company.name': company || 'us',
      'testimonial.quote': row.quote,
      'testimonial.url': `${linkBase(config)}/testimonial/${token}`,
    },
  });
}

/**
 * Sends the testimonial requests whose time has come, each once (claimed by its state in the
 * transaction that queues its mail). One that fails is recorded on the jobs page.
 */
export async function sendDueTestimonialRequests(db: Db, config: Config, now = Date.now()): Promise<number> {
  const settings = await loadTestimonialSettings(db);
  const due = await repo.due(db, new Date(now).toISOString(), BATCH);
  for (const row of due)
    await db.transaction().execute((trx) =>
      withSavepoint(
        trx,
        `testimonial_${row.id}`,
        () => sendOne(trx, config, row, settings, now),
        async (error) => {
          await recordJobFailure(
            trx,
            { job: TESTIMONIAL_JOB, key: String(row.id), label: `Testimonial request #${row.id}` },
            error,
          );
          await repo.claim(trx, row.id, 'scheduled', { state: 'skipped', updated_at: nowIso() });
        },
      ),
    );
  return due.length;
}

type SentState = 'requested' | 'approved' | 'declined' | 'withdrawn';
const sentState = (row: TestimonialListRow): SentState =>
  row.state === 'scheduled' || row.state === 'skipped' ? 'requested' : row.state;

export function toTestimonial(row: TestimonialListRow, now: string): Testimonial {
  return {
    id: row.id,
    source: row.source_kind,
    state: shownState(sentState(row), row.expires_at, now),
    quote: row.quote,
    score: row.score,
    customer: { id: row.customer_id, name: row.customer_name, email: row.customer_email },
    organization:
      row.organization_id !== null && row.organization_name !== null
        ? { id: row.organization_id, name: row.organization_name }
        : null,
    displayAs: row.display_as,
    displayName: row.display_name,
    displayOrganization: row.display_organization,
    consentWording: row.consent_wording,
    consentedAt: row.consented_at,
    requestedAt: row.requested_at,
    expiresAt: row.expires_at,
    declinedAt: row.declined_at,
    withdrawnAt: row.withdrawn_at,
    published: row.published === 1,
    createdAt: row.created_at,
  };
}

function filterOf(query: TestimonialsQuery, now: string): TestimonialFilter {
  const f: TestimonialFilter = { source: query.source };
  if (query.state === 'expired' || query.state === 'requested') {
    f.states = ['requested'];
    f.expired = { now, expired: query.state === 'expired' };
  } else if (query.state) f.states = [query.state];
  return f;
}

const exportItem = (row: TestimonialListRow): TestimonialExportItem => ({
  id: row.id,
  quote: row.quote,
  displayName: row.display_name ?? '',
  organization: row.display_organization,
  source: row.source_kind,
  consentedAt: row.consented_at ?? '',
  consentWording: row.consent_wording ?? '',
});

const EXPORT_HEADER = [
  'ID',
  'Quote',
  'Name shown',
  'Organisation shown',
  'Source',
  'Consent given (UTC)',
  'Consent wording',
];

export function testimonialsCsv(items: TestimonialExportItem[]): string {
  return `\uFEFF${[
    csvLine(EXPORT_HEADER),
    ...items.map((i) =>
      csvLine([i.id, i.quote, i.displayName, i.organization, i.source, i.consentedAt, i.consentWording]),
    ),
  ].join('')}`;
}

const linkNotFound = () => notFound('TESTIMONIAL_LINK_NOT_FOUND', 'This testimonial link');

/** Testimonials as managers read and export them, and as customers approve, decline or withdraw. */
export const testimonialsService = ({ db }: Pick<AppDeps, 'db'>) => {
  async function load(dbx: DbOrTrx, id: number): Promise<TestimonialListRow> {
    const row = await repo.find(dbx, id);
    if (!row || row.requested_at === null) throw notFound('TESTIMONIAL_NOT_FOUND', `Testimonial #${id}`);
    return row;
  }

  async function ofToken(dbx: DbOrTrx, token: string): Promise<TestimonialListRow> {
    const row = await repo.byTokenHash(dbx, sha256(token));
    if (!row) throw linkNotFound();
    return row;
  }

  async function publicView(dbx: DbOrTrx, row: TestimonialListRow): Promise<PublicTestimonial> {
    const company = await companyOf(dbx);
    return {
      company,
      quote: row.quote,
      consentWording: row.consent_wording ?? '',
      choices: displayChoices.map((value) => ({
        value,
        ...displayOf(value, row.customer_name, row.organization_name),
      })),
      state: sentState(row),
      displayAs: row.display_as,
      consentedAt: row.consented_at,
      expiresAt: row.expires_at,
      expired: row.expires_at !== null && row.expires_at <= nowIso(),
    };
  }

  return {
    async list(ctx: RequestContext, query: TestimonialsQuery): Promise<{ data: Testimonial[] }> {
      authorize(ctx.actor, 'testimonials.read');
      const now = nowIso();
      const rows = await repo.list(db, filterOf(query, now), LIST_LIMIT);
      return { data: rows.map((r) => toTestimonial(r, now)) };
    },

    async get(ctx: RequestContext, id: number): Promise<Testimonial> {
      authorize(ctx.actor, 'testimonials.read');
      return toTestimonial(await load(db, id), nowIso());
    },

    /** Takes an approved quote off the marketing list, or puts it back; the customer's words stay as they are. */
    async update(ctx: RequestContext, id: number, body: { published: boolean }): Promise<Testimonial> {
      authorize(ctx.actor, 'testimonials.manage');
      return db.transaction().execute(async (trx) => {
        const was = await load(trx, id);
        await repo.update(trx, id, { published: body.published ? 1 : 0, updated_at: nowIso() });
        await recordAudit(trx, ctx, {
          action: 'testimonial.updated',
          entityType: 'testimonial',
          entityId: id,
          before: { published: was.published === 1 },
          after: { published: body.published },
        });
        return toTestimonial(await load(trx, id), nowIso());
      });
    },

    async exportApproved(ctx: RequestContext): Promise<TestimonialExportItem[]> {
      authorize(ctx.actor, 'testimonials.read');
      return (await repo.published(db)).map(exportItem);
    },

    async settings(ctx: RequestContext): Promise<TestimonialSettings> {
      authorize(ctx.actor, 'testimonials.read');
      return loadTestimonialSettings(db);
    },

    async updateSettings(
      ctx: RequestContext,
      body: UpdateTestimonialSettingsBody,
    ): Promise<TestimonialSettings> {
      authorize(ctx.actor, 'testimonials.manage');
      return db.transaction().execute(async (trx) => {
        const was = await loadTestimonialSettings(trx);
        const next = { ...was, ...body, updatedAt: nowIso() };
        await repo.saveSettings(trx, {
          enabled: next.enabled ? 1 : 0,
          subject: next.subject,
          body: next.body,
          consent_wording: next.consentWording,
          cap_days: next.capDays,
          link_days: next.linkDays,
          delay_minutes: next.delayMinutes,
          updated_at: next.updatedAt,
        });
        const { updatedAt: _was, ...before } = was;
        const { updatedAt: _next, ...after } = next;
        await recordAudit(trx, ctx, {
          action: 'testimonial.settings_updated',
          entityType: 'settings',
          entityId: 'testimonials',
          before,
          after,
        });
        return next;
      });
    },

    /** What the request page shows. Reading it records nothing (a mail scanner opening the link consents to nothing). */
    async view(token: string): Promise<PublicTestimonial> {
      return publicView(db, await ofToken(db, token));
    },

    /**
     * The customer's answer: approving records the consent wording shown, the name chosen and the
     * time (approving again changes them in place); declining; withdrawing an approval.
     */
    async decide(token: string, body: TestimonialDecisionBody): Promise<PublicTestimonial> {
      const input = testimonialDecisionBody.parse(body);
      return db.transaction().execute(async (trx) => {
        const row = await ofToken(trx, token);
        const at = nowIso();
        const expired = row.expires_at !== null && row.expires_at <= at;
        const problem = decisionProblem(input.decision, sentState(row), expired);
        if (problem === 'expired')
          throw new AppError(
            'TESTIMONIAL_LINK_EXPIRED',
            'This link has expired; it can only withdraw a consent',
          );
        if (problem === 'not-approved')
          throw new AppError('INVALID_TRANSITION', 'Only a quote you approved can be withdrawn');
        if (input.decision === 'approve') {
          if (!input.displayAs)
            throw new AppError('VALIDATION_FAILED', 'Choose how you are named', [
              { path: ['displayAs'], message: 'Choose how you are named' },
            ]);
          const shown = displayOf(input.displayAs, row.customer_name, row.organization_name);
          await repo.update(trx, row.id, {
            state: 'approved',
            display_as: input.displayAs,
            display_name: shown.name,
            display_organization: shown.organization,
            consented_at: at,
            updated_at: at,
          });
        } else if (input.decision === 'decline')
          await repo.update(trx, row.id, { state: 'declined', declined_at: at, updated_at: at });
        else await repo.update(trx, row.id, { state: 'withdrawn', withdrawn_at: at, updated_at: at });
        return publicView(trx, (await repo.find(trx, row.id))!);
      });
    },
  };
};

export type TestimonialsService = ReturnType<typeof testimonialsService>;

/** A testimonial request as it went (demo data): sent, and perhaps answered. */
export interface PastTestimonial {
  source: 'csat' | 'nps';
  sourceId: number;
  customer: { id: number; name: string; organizationId: number | null; organizationName: string | null };
  quote: string;
  score: number;
  requestedAt: string;
  linkDays: number;
  consentWording: string;
  answer:
    | { decision: 'approve'; displayAs: 'full' | 'first_org' | 'anonymous'; at: string; withdrawnAt?: string }
    | { decision: 'decline'; at: string }
    | null;
}

export async function insertPastTestimonial(db: DbOrTrx, past: PastTestimonial): Promise<void> {
  const a = past.answer;
  const shown =
    a?.decision === 'approve'
      ? displayOf(a.displayAs, past.customer.name, past.customer.organizationName)
      : null;
  const state =
    a === null
      ? 'requested'
      : a.decision === 'decline'
        ? 'declined'
        : a.withdrawnAt
          ? 'withdrawn'
          : 'approved';
  await repo.insertOnce(db, {
    source_kind: past.source,
    source_id: past.sourceId,
    customer_id: past.customer.id,
    organization_id: past.customer.organizationId,
    quote: past.quote,
    score: past.score,
    state,
    due_at: past.requestedAt,
    token_hash: sha256(randomToken()),
    requested_at: past.requestedAt,
    expires_at: new Date(Date.parse(past.requestedAt) + past.linkDays * DAY).toISOString(),
    consent_wording: past.consentWording,
    display_as: a?.decision === 'approve' ? a.displayAs : null,
    display_name: shown?.name ?? null,
    display_organization: shown?.organization ?? null,
    consented_at: a?.decision === 'approve' ? a.at : null,
    declined_at: a?.decision === 'decline' ? a.at : null,
    withdrawn_at: a?.decision === 'approve' ? (a.withdrawnAt ?? null) : null,
    published: 1,
    created_at: past.requestedAt,
    updated_at: a?.at ?? past.requestedAt,
  });
}

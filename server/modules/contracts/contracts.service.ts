import type { z } from 'zod';
import type {
  Contract,
  ContractStatus,
  ContractUsage,
  contractsQuery,
  createContractBody,
  TicketContract,
  updateContractBody,
} from '../../../contracts/service-contracts';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { loadTicket } from '../tickets';
import { findUserRow } from '../users';
import { type ContractRow, type ContractValues, contractsRepository as repo } from './contracts.repository';

type CreateBody = z.output<typeof createContractBody>;
type UpdateBody = z.output<typeof updateContractBody>;

const DAY = 86_400_000;
const contractNotFound = (id: number) => notFound('CONTRACT_NOT_FOUND', `Contract #${id}`);
const invalid = (path: string[], message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** Today's date in UTC, YYYY-MM-DD. */
export const today = (now = Date.now()) => new Date(now).toISOString().slice(0, 10);

/** The date `days` before a date. */
const daysBefore = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);

function statusOf(row: Pick<ContractRow, 'starts_on' | 'ends_on'>, on: string): ContractStatus {
  if (on < row.starts_on) return 'upcoming';
  return on > row.ends_on ? 'expired' : 'active';
}

/** This month's use of what the contract includes: tickets opened, or hours of logged calls and visits. */
async function usageOf(db: DbOrTrx, row: ContractRow, now: number): Promise<ContractUsage> {
  const month = new Date(now).toISOString().slice(0, 7);
  const since = `${month}-01T00:00:00.000Z`;
  const kind = row.entitlement_kind ?? 'tickets';
  const used =
    kind === 'tickets'
      ? await repo.ticketsSince(db, row.organization_id, since)
      : Math.round(((await repo.loggedMinutesSince(db, row.organization_id, since)) / 60) * 10) / 10;
  const included = row.entitlement_per_month;
  return { month, used, included, over: included !== null && used > included };
}

export async function toContract(db: DbOrTrx, row: ContractRow, now = Date.now()): Promise<Contract> {
  const on = today(now);
  const reviewOn = daysBefore(row.ends_on, row.review_days);
  const status = statusOf(row, on);
  return {
    id: row.id,
    organization: { id: row.organization_id, name: row.organization_name },
    plan: row.plan,
    slaPolicy:
      row.sla_policy_id !== null && row.policy_name ? { id: row.sla_policy_id, name: row.policy_name } : null,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    entitlement:
      row.entitlement_kind && row.entitlement_per_month !== null
        ? { kind: row.entitlement_kind, perMonth: row.entitlement_per_month }
        : null,
    owner: row.owner_id !== null && row.owner_name ? { id: row.owner_id, name: row.owner_name } : null,
    reviewDaysBefore: row.review_days,
    notes: row.notes,
    status,
    reviewDue: status !== 'expired' && on >= reviewOn,
    reviewOn,
    usage: await usageOf(db, row, now),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function load(db: DbOrTrx, id: number): Promise<Contract> {
  const row = await repo.findById(db, id);
  if (!row) throw contractNotFound(id);
  return toContract(db, row);
}

/** The organisation, policy and owner a contract names exist, and it ends after it starts. */
async function check(db: DbOrTrx, input: Partial<CreateBody>, current: ContractRow | null): Promise<void> {
  if (input.organizationId && !(await repo.organizationExists(db, input.organizationId)))
    throw invalid(['organizationId'], `Organisation #${input.organizationId} was not found`);
  if (input.slaPolicyId && !(await repo.policyExists(db, input.slaPolicyId)))
    throw invalid(['slaPolicyId'], `Service-level policy #${input.slaPolicyId} was not found`);
  if (input.ownerId) {
    const owner = await findUserRow(db, input.ownerId);
    if (!owner || owner.role === 'customer' || owner.deactivated_at)
      throw invalid(['ownerId'], 'The owner is an active member of staff');
  }
  const starts = input.startsOn ?? current?.starts_on;
  const ends = input.endsOn ?? current?.ends_on;
  if (starts && ends && ends <= starts) throw invalid(['endsOn'], 'Ends after it starts');
}

function valuesOf(input: Partial<CreateBody>): Partial<ContractValues> {
  return {
    organization_id: input.organizationId,
    plan: input.plan,
    sla_policy_id: input.slaPolicyId,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    entitlement_kind: input.entitlement === undefined ? undefined : (input.entitlement?.kind ?? null),
    entitlement_per_month:
      input.entitlement === undefined ? undefined : (input.entitlement?.perMonth ?? null),
    owner_id: input.ownerId,
    review_days: input.reviewDaysBefore,
    notes: input.notes,
  };
}

const audited = (c: Contract) => ({
  name: `${c.organization.name} · ${c.plan}`,
  plan: c.plan,
  slaPolicy: c.slaPolicy?.name ?? null,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  entitlement: c.entitlement ? `${c.entitlement.perMonth} ${c.entitlement.kind} a month` : null,
  owner: c.owner?.name ?? null,
  reviewDaysBefore: c.reviewDaysBefore,
});

/** A contract written as history (seeding): checked as the API checks it. */
export async function insertContractRow(db: DbOrTrx, input: CreateBody, now: string): Promise<number> {
  await check(db, input, null);
  return repo.insert(db, valuesOf(input) as ContractValues, now);
}

/** The plan and policy an organisation's tickets run under on a date (for the service-level clocks). */
export async function contractPlanOf(db: DbOrTrx, organizationId: number, on: string) {
  const row = await repo.activeOf(db, organizationId, on);
  return row ? { plan: row.plan, slaPolicyId: row.sla_policy_id } : null;
}

export function contractsService({ db }: AppDeps) {
  return {
    async list(ctx: RequestContext, query: z.output<typeof contractsQuery>) {
      authorize(ctx.actor, 'contracts.read');
      const on = today();
      const rows = await repo.list(db, {
        organizationId: query.organizationId,
        activeOn: query.status === 'active' ? on : undefined,
        endedBefore: query.status === 'expired' ? on : undefined,
        startsAfter: query.status === 'upcoming' ? on : undefined,
      });
      const data: Contract[] = [];
      for (const row of rows) data.push(await toContract(db, row));
      return {
        data: query.reviewDue === undefined ? data : data.filter((c) => c.reviewDue === query.reviewDue),
      };
    },

    async get(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'contracts.read');
      return load(db, id);
    },

    async create(ctx: RequestContext, input: CreateBody) {
      authorize(ctx.actor, 'contracts.manage');
      return db.transaction().execute(async (trx) => {
        await check(trx, input, null);
        const id = await repo.insert(trx, valuesOf(input) as ContractValues, nowIso());
        const after = await load(trx, id);
        await recordAudit(trx, ctx, {
          action: 'contract.created',
          entityType: 'contract',
          entityId: id,
          after: audited(after),
        });
        return after;
      });
    },

    async update(ctx: RequestContext, id: number, input: UpdateBody) {
      authorize(ctx.actor, 'contracts.manage');
      return db.transaction().execute(async (trx) => {
        const current = await repo.findById(trx, id);
        if (!current) throw contractNotFound(id);
        const before = await toContract(trx, current);
        await check(trx, input, current);
        const values = valuesOf(input);
        // A new end or review period asks for a new reminder.
        const remind =
          input.endsOn !== undefined || input.reviewDaysBefore !== undefined ? { reminded_at: null } : {};
        await repo.update(trx, id, { ...values, ...remind }, nowIso());
        const after = await load(trx, id);
        await recordAudit(trx, ctx, {
          action: 'contract.updated',
          entityType: 'contract',
          entityId: id,
          before: audited(before),
          after: audited(after),
        });
        return after;
      });
    },

    async remove(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'contracts.manage');
      await db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        await repo.remove(trx, id);
        await recordAudit(trx, ctx, {
          action: 'contract.deleted',
          entityType: 'contract',
          entityId: id,
          before: { name: `${before.organization.name} · ${before.plan}` },
        });
      });
    },

    /** The contract a ticket's organisation has, and whether the ticket should say it has expired or is over what it includes. */
    async ofTicket(ctx: RequestContext, ticketId: number): Promise<TicketContract> {
      authorize(ctx.actor, 'contracts.read');
      const ticket = await loadTicket(db, ticketId);
      const none = { contract: null, flags: { expired: false, overEntitlement: false } };
      if (!ticket.organization) return none;
      const row = await repo.currentOf(db, ticket.organization.id, today());
      if (!row) return none;
      const contract = await toContract(db, row);
      return {
        contract,
        flags: { expired: contract.status === 'expired', overEntitlement: contract.usage.over },
      };
    },
  };
}

export type ContractsService = ReturnType<typeof contractsService>;

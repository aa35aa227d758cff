import type { z } from 'zod';
import type {
  Customer,
  CustomerNote,
  createCustomerBody,
  listCustomersQuery,
  TimelineAnswer,
  TimelineItem,
  UpdateCustomerBody,
} from '../../../contracts/customers';
import type { MailPreferences } from '../../../contracts/portal';
import type { DbOrTrx } from '../../db/database';
import { isUniqueViolation } from '../../db/errors';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { cursorId, toPage } from '../../platform/pagination';
import { reindexTickets } from '../search';
import { customerSnapshot, toCustomer, toNote } from './customers.mapper';
import { customersRepository as repo } from './customers.repository';
import { organizationsRepository } from './organizations.repository';

type CreateInput = z.output<typeof createCustomerBody>;
type ListInput = z.output<typeof listCustomersQuery>;

export async function loadCustomer(db: DbOrTrx, id: number): Promise<Customer> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('CUSTOMER_NOT_FOUND', `Customer ${id}`);
  return toCustomer(row);
}

const domainOf = (email: string | null) => (email ? (email.split('@')[1] ?? null) : null);

/** The organisation whose domains include the address's domain, if exactly one does. */
export async function organizationForEmail(
  db: DbOrTrx,
  email: string | null,
): Promise<{ id: number; name: string } | null> {
  const domain = domainOf(email);
  if (!domain) return null;
  const orgs = await organizationsRepository.findByDomain(db, domain);
  return orgs.length === 1 ? { id: orgs[0]!.id, name: orgs[0]!.name } : null;
}

async function assertOrganization(db: DbOrTrx, id: number | null | undefined) {
  if (id && !(await organizationsRepository.findById(db, id))) {
    throw new AppError('VALIDATION_FAILED', `No organisation with id ${id}`, [
      { path: ['organizationId'], message: 'Unknown organisation' },
    ]);
  }
}

function emailTaken(email: string) {
  return new AppError('EMAIL_TAKEN', `A customer with the email ${email} already exists`, [
    { path: ['email'], message: 'Already in use' },
  ]);
}

/**
 * Finds the customer an address belongs to, or creates one. Used by ticket intake (API,
 * portal, mail) inside its own transaction; new customers join their domain's organisation.
 */
export async function findOrCreateCustomer(
  db: DbOrTrx,
  person: { email: string; name?: string | null },
  now: string,
): Promise<{ id: number; created: boolean }> {
  const { customer, created } = await findOrCreateByEmail(db, person, now);
  return { id: customer.id, created };
}

/** Like findOrCreateCustomer, with the customer itself: a new one is not read back. */
export async function findOrCreateByEmail(
  db: DbOrTrx,
  person: { email: string; name?: string | null },
  now: string,
): Promise<{ customer: Customer; created: boolean }> {
  const email = person.email.toLowerCase();
  const existing = await repo.findByEmail(db, email);
  if (existing) return { customer: toCustomer(existing), created: false };
  const organization = await organizationForEmail(db, email);
  const values = {
    name: person.name?.trim() || email.split('@')[0] || email,
    email,
    phone: null,
    organization_id: organization?.id ?? null,
    timezone: null,
    language: null,
    tags: '[]',
  };
  const id = await repo.insert(db, values, now);
  const row = {
    ...values,
    id,
    merged_into_id: null,
    created_at: now,
    updated_at: now,
    organization_name: organization?.name ?? null,
  };
  return { customer: toCustomer(row), created: true };
}

/** Customers whose name, email or phone match a search, at most `limit`, with their organisation's name. */
export async function customersMatching(db: DbOrTrx, q: string, limit: number) {
  const rows = await repo.list(db, { q, limit }, null);
  return rows
    .slice(0, limit)
    .map((c) => ({ id: c.id, name: c.name, email: c.email, organization: c.organization_name }));
}

/** What a customer merge moves that other modules own; the registry passes their functions in. */
export interface CustomerMoves {
  /** The requester's tickets; answers the ids that moved. */
  moveTickets(db: DbOrTrx, fromId: number, toId: number): Promise<number[]>;
  movePortalAccounts(db: DbOrTrx, fromId: number, toId: number): Promise<void>;
}

/** Rebuilds a customer's search words. */
export const reindexCustomer = repo.reindex;

/** Stores a customer as given, with their address and search entry, as of `createdAt` (seed data). */
export const insertCustomerRow = (
  db: DbOrTrx,
  values: {
    name: string;
    email: string | null;
    phone: string | null;
    organization_id: number | null;
    timezone: string | null;
    language: string | null;
  },
  createdAt: string,
) => repo.insert(db, { ...values, tags: '[]' }, createdAt);

/** Stores an organisation as given, as of `createdAt` (seed data). */
export const insertOrganizationRow = (
  db: DbOrTrx,
  values: { name: string; domains: string[]; notes: string },
  createdAt: string,
) =>
  organizationsRepository.insert(
    db,
    { ...values, domains: JSON.stringify(values.domains), tags: '[]' },
    createdAt,
  );

/** What a customer wants mailed about their requests; everything for a customer not found. */
export async function customerMailPreferences(db: DbOrTrx, customerId: number): Promise<MailPreferences> {
  const row = await repo.mailPreferences(db, customerId);
  return { mailOnReply: row?.mail_on_reply !== 0, mailOnSolved: row?.mail_on_solved !== 0 };
}

/** A customer choosing what is mailed to them, recorded in the audit log as a change of the customer. */
export async function setCustomerMailPreferences(
  db: DbOrTrx,
  ctx: RequestContext,
  customerId: number,
  next: MailPreferences,
): Promise<MailPreferences> {
  const before = await customerMailPreferences(db, customerId);
  if (before.mailOnReply === next.mailOnReply && before.mailOnSolved === next.mailOnSolved) return before;
  await repo.setMailPreferences(
    db,
    customerId,
    { mail_on_reply: next.mailOnReply ? 1 : 0, mail_on_solved: next.mailOnSolved ? 1 : 0 },
    nowIso(),
  );
  await recordAudit(db, ctx, {
    action: 'customer.updated',
    entityType: 'customer',
    entityId: customerId,
    before,
    after: next,
  });
  return next;
}
/** Customers' names by id (the audit log names whom an entry is about). */
export const customerNames = repo.namesByIds;
/** Organisations' names by id (the audit log). */
export const organizationNames = organizationsRepository.namesByIds;

/** What other modules add to a customer's timeline (their survey answers, from the feedback module). */
export interface TimelineSources {
  answersOf(db: DbOrTrx, customerId: number): Promise<{ at: string; answer: TimelineAnswer }[]>;
}

export function customersService(
  { db }: AppDeps,
  moves: CustomerMoves,
  sources: TimelineSources = { answersOf: async () => [] },
) {
  return {
    async list(ctx: RequestContext, query: ListInput) {
      authorize(ctx.actor, 'customers.read');
      const rows = await repo.list(db, query, cursorId(query.cursor));
      return toPage(rows, query.limit, toCustomer, (row) => [row.id]);
    },

    async get(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'customers.read');
      return loadCustomer(db, id);
    },

    async create(ctx: RequestContext, input: CreateInput): Promise<Customer> {
      authorize(ctx.actor, 'customers.write');
      try {
        return await db.transaction().execute(async (trx) => {
          if (input.email && (await repo.findIdByEmail(trx, input.email))) throw emailTaken(input.email);
          await assertOrganization(trx, input.organizationId);
          const now = nowIso();
          const id = await repo.insert(
            trx,
            {
              name: input.name,
              email: input.email,
              phone: input.phone,
              organization_id:
                input.organizationId ?? (await organizationForEmail(trx, input.email))?.id ?? null,
              timezone: input.timezone,
              language: input.language,
              tags: JSON.stringify(input.tags),
            },
            now,
          );
          const customer = await loadCustomer(trx, id);
          await recordAudit(trx, ctx, {
            action: 'customer.created',
            entityType: 'customer',
            entityId: id,
            after: customerSnapshot(customer),
          });
          return customer;
        });
      } catch (error) {
        if (isUniqueViolation(error) && input.email) throw emailTaken(input.email);
        throw error;
      }
    },

    async update(ctx: RequestContext, id: number, input: UpdateCustomerBody): Promise<Customer> {
      authorize(ctx.actor, 'customers.write');
      try {
        return await db.transaction().execute(async (trx) => {
          const before = await loadCustomer(trx, id);
          if (input.email && input.email !== before.email) {
            const owner = await repo.findIdByEmail(trx, input.email);
            if (owner && owner !== id) throw emailTaken(input.email);
          }
          await assertOrganization(trx, input.organizationId);
          const now = nowIso();
          await repo.update(
            trx,
            id,
            {
              name: input.name,
              email: input.email,
              phone: input.phone,
              organization_id: input.organizationId,
              timezone: input.timezone,
              language: input.language,
              tags: input.tags ? JSON.stringify(input.tags) : undefined,
            },
            now,
          );
          if (input.email && input.email !== before.email) await repo.addEmail(trx, id, input.email);
          await repo.reindex(trx, id);
          const after = await loadCustomer(trx, id);
          await recordAudit(trx, ctx, {
            action: 'customer.updated',
            entityType: 'customer',
            entityId: id,
            before: customerSnapshot(before),
            after: customerSnapshot(after),
          });
          return after;
        });
      } catch (error) {
        if (isUniqueViolation(error) && input.email) throw emailTaken(input.email);
        throw error;
      }
    },

    /** Moves tickets, notes, addresses and portal accounts of each source into the target. */
    async merge(ctx: RequestContext, targetId: number, sourceIds: number[]) {
      authorize(ctx.actor, 'customers.merge');
      const sources = [...new Set(sourceIds)];
      if (sources.includes(targetId)) {
        throw new AppError('VALIDATION_FAILED', 'A customer cannot be merged into itself', [
          { path: ['sourceIds'], message: 'Contains the target' },
        ]);
      }
      return db.transaction().execute(async (trx) => {
        const target = await loadCustomer(trx, targetId);
        if (target.mergedIntoId)
          throw new AppError(
            'CUSTOMER_MERGED',
            `Customer ${targetId} was merged into ${target.mergedIntoId}`,
          );
        const now = nowIso();
        for (const sourceId of sources) {
          const source = await loadCustomer(trx, sourceId);
          if (source.mergedIntoId)
            throw new AppError('CUSTOMER_MERGED', `Customer ${sourceId} was already merged`);
          const moved = await moves.moveTickets(trx, sourceId, targetId);
          await repo.moveNotes(trx, sourceId, targetId);
          await repo.moveEmails(trx, sourceId, targetId);
          await moves.movePortalAccounts(trx, sourceId, targetId);
          await repo.update(trx, sourceId, { email: null, merged_into_id: targetId }, now);
          await reindexTickets(trx, moved);
          await repo.reindex(trx, sourceId);
          await recordAudit(trx, ctx, {
            action: 'customer.merged',
            entityType: 'customer',
            entityId: targetId,
            changes: {
              mergedFrom: {
                before: null,
                after: { id: sourceId, name: source.name, email: source.email, tickets: moved.length },
              },
            },
          });
        }
        await repo.reindex(trx, targetId);
        return loadCustomer(trx, targetId);
      });
    },

    async notes(ctx: RequestContext, customerId: number): Promise<CustomerNote[]> {
      authorize(ctx.actor, 'customers.read');
      await loadCustomer(db, customerId);
      return (await repo.notes(db, customerId)).map(toNote);
    },

    async addNote(ctx: RequestContext, customerId: number, body: string): Promise<CustomerNote> {
      authorize(ctx.actor, 'customers.write');
      return db.transaction().execute(async (trx) => {
        await loadCustomer(trx, customerId);
        const id = await repo.insertNote(trx, {
          customerId,
          authorId: ctx.actor.type === 'user' ? ctx.actor.id : null,
          body,
          now: nowIso(),
        });
        await recordAudit(trx, ctx, {
          action: 'customer.note_added',
          entityType: 'customer',
          entityId: customerId,
          after: { note: body },
        });
        const note = (await repo.notes(trx, customerId)).find((n) => n.id === id)!;
        return toNote(note);
      });
    },

    /** Every ticket and note of a customer on one timeline, newest first. */
    async timeline(ctx: RequestContext, customerId: number): Promise<TimelineItem[]> {
      authorize(ctx.actor, 'customers.read');
      await loadCustomer(db, customerId);
      const [tickets, notes, answers] = await Promise.all([
        repo.ticketsOf(db, customerId),
        repo.notes(db, customerId),
        sources.answersOf(db, customerId),
      ]);
      const items: TimelineItem[] = [
        ...tickets.map((t) => ({
          kind: 'ticket' as const,
          at: t.created_at,
          ticket: {
            id: t.id,
            subject: t.subject,
            status: t.status,
            priority: t.priority,
            channel: t.channel,
          },
        })),
        ...notes.map((n) => ({ kind: 'note' as const, at: n.created_at, note: toNote(n) })),
        ...answers.map((a) => ({ kind: 'survey_answer' as const, at: a.at, answer: a.answer })),
      ];
      return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    },
  };
}

export type CustomersService = ReturnType<typeof customersService>;

import type { z } from 'zod';
import type {
  createOrganizationBody,
  listOrganizationsQuery,
  Organization,
  updateOrganizationBody,
} from '../../../contracts/customers';
import type { DbOrTrx } from '../../db/database';
import { isUniqueViolation } from '../../db/errors';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { decodeCursor, splitPage } from '../../platform/pagination';
import { toOrganization } from './customers.mapper';
import { organizationsRepository as repo } from './organizations.repository';

type CreateInput = z.output<typeof createOrganizationBody>;
type UpdateInput = z.output<typeof updateOrganizationBody>;

async function loadOrganization(db: DbOrTrx, id: number): Promise<Organization> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('ORGANIZATION_NOT_FOUND', `Organisation ${id}`);
  return toOrganization(row, (await repo.customerCounts(db, [id])).get(id) ?? 0);
}

/** A domain belongs to one organisation, so a new customer's address picks exactly one. */
async function assertDomainsFree(db: DbOrTrx, domains: string[], selfId: number | null) {
  const owners = (await repo.findByDomains(db, domains)).filter((o) => o.id !== selfId);
  for (const owner of owners) {
    const taken = domains.find((d) => owner.domains.includes(JSON.stringify(d)));
    if (taken) {
      throw new AppError('DOMAIN_TAKEN', `The domain ${taken} already belongs to ${owner.name}`, [
        { path: ['domains'], message: 'Already used' },
      ]);
    }
  }
}

const nameTaken = (name: string) =>
  new AppError('ORGANIZATION_NAME_TAKEN', `An organisation named "${name}" already exists`, [
    { path: ['name'], message: 'Already in use' },
  ]);

const snapshot = (o: Organization) => ({ name: o.name, domains: o.domains, notes: o.notes, tags: o.tags });

export function organizationsService({ db }: AppDeps) {
  async function guard<T>(name: string | undefined, work: () => Promise<T>) {
    try {
      return await work();
    } catch (error) {
      if (name && isUniqueViolation(error)) throw nameTaken(name);
      throw error;
    }
  }

  return {
    async list(ctx: RequestContext, query: z.output<typeof listOrganizationsQuery>) {
      authorize(ctx.actor, 'customers.read');
      const key = decodeCursor(query.cursor);
      const rows = await repo.list(db, query, key && typeof key[0] === 'string' ? key[0] : null);
      const page = splitPage(rows, query.limit, (r) => [r.name]);
      const counts = await repo.customerCounts(
        db,
        page.rows.map((r) => r.id),
      );
      return {
        data: page.rows.map((r) => toOrganization(r, counts.get(r.id) ?? 0)),
        nextCursor: page.nextCursor,
      };
    },

    async get(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'customers.read');
      return loadOrganization(db, id);
    },

    create(ctx: RequestContext, input: CreateInput) {
      authorize(ctx.actor, 'organizations.write');
      return guard(input.name, () =>
        db.transaction().execute(async (trx) => {
          if (await repo.findByName(trx, input.name)) throw nameTaken(input.name);
          await assertDomainsFree(trx, input.domains, null);
          const now = nowIso();
          const id = await repo.insert(
            trx,
            {
              name: input.name,
              domains: JSON.stringify(input.domains),
              notes: input.notes,
              tags: JSON.stringify(input.tags),
            },
            now,
          );
          await repo.adoptByDomains(trx, id, input.domains, now);
          const org = await loadOrganization(trx, id);
          await recordAudit(trx, ctx, {
            action: 'organization.created',
            entityType: 'organization',
            entityId: id,
            after: snapshot(org),
          });
          return org;
        }),
      );
    },

    update(ctx: RequestContext, id: number, input: UpdateInput) {
      authorize(ctx.actor, 'organizations.write');
      return guard(input.name, () =>
        db.transaction().execute(async (trx) => {
          const before = await loadOrganization(trx, id);
          if (input.name && input.name !== before.name && (await repo.findByName(trx, input.name)))
            throw nameTaken(input.name);
          if (input.domains) await assertDomainsFree(trx, input.domains, id);
          const now = nowIso();
          await repo.update(
            trx,
            id,
            {
              name: input.name,
              domains: input.domains ? JSON.stringify(input.domains) : undefined,
              notes: input.notes,
              tags: input.tags ? JSON.stringify(input.tags) : undefined,
            },
            now,
          );
          if (input.domains) await repo.adoptByDomains(trx, id, input.domains, now);
          const after = await loadOrganization(trx, id);
          await recordAudit(trx, ctx, {
            action: 'organization.updated',
            entityType: 'organization',
            entityId: id,
            before: snapshot(before),
            after: snapshot(after),
          });
          return after;
        }),
      );
    },
  };
}

export type OrganizationsService = ReturnType<typeof organizationsService>;

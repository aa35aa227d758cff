import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { containsText } from '../../db/like';
import { prepared } from '../../db/prepared';
import type { OrganizationsTable } from '../../db/schema';

type OrgValues = Pick<OrganizationsTable, 'name' | 'domains' | 'notes'> & { tags: string };

/**
 * Organisations claiming a domain (given JSON-quoted): every new customer looks theirs up (see
 * server/db/prepared.ts). The pattern is put together in SQL because SQLite plans a LIKE against
 * a bare parameter again for every new value.
 */
const byDomainQuery = prepared((db, p: { quoted: string }) =>
  db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('domains', 'like', sql<string>`'%' || ${p.quoted} || '%'`),
);

export const organizationsRepository = {
  findById(db: DbOrTrx, id: number) {
    return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  },

  namesByIds(db: DbOrTrx, ids: number[]): Promise<{ id: number; name: string }[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
  },

  findByName(db: DbOrTrx, name: string) {
    return db.selectFrom('organizations').selectAll().where('name', '=', name).executeTakeFirst();
  },

  /** Organisations that claim any of the domains (domains are stored as a JSON array). */
  async findByDomains(db: DbOrTrx, domains: string[]) {
    if (domains.length === 0) return [];
    return db
      .selectFrom('organizations')
      .selectAll()
      .where((eb) => eb.or(domains.map((d) => eb('domains', 'like', `%${JSON.stringify(d)}%`))))
      .execute();
  },

  /** Organisations claiming the domain (usually none or one). */
  findByDomain(db: DbOrTrx, domain: string) {
    return byDomainQuery.rows(db, { quoted: JSON.stringify(domain) });
  },

  list(db: DbOrTrx, filter: { q?: string; limit: number }, afterName: string | null) {
    let query = db.selectFrom('organizations').selectAll();
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) => containsText(eb.ref('name'), q));
    }
    if (afterName !== null) query = query.where('name', '>', afterName);
    return query
      .orderBy('name')
      .limit(filter.limit + 1)
      .execute();
  },

  async customerCounts(db: DbOrTrx, ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('customers')
      .select(['organization_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('organization_id', 'in', ids)
      .where('merged_into_id', 'is', null)
      .groupBy('organization_id')
      .execute();
    return new Map(rows.map((r) => [r.organization_id!, Number(r.n)]));
  },

  async insert(db: DbOrTrx, values: OrgValues, now: string): Promise<number> {
    const row = await db
      .insertInto('organizations')
      .values({ ...values, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(db: DbOrTrx, id: number, values: Partial<OrgValues>, now: string) {
    await db
      .updateTable('organizations')
      .set({ ...values, updated_at: now })
      .where('id', '=', id)
      .execute();
  },

  /** Customers without an organisation whose address is at one of the domains join it. */
  async adoptByDomains(db: DbOrTrx, orgId: number, domains: string[], now: string) {
    for (const domain of domains) {
      await db
        .updateTable('customers')
        .set({ organization_id: orgId, updated_at: now })
        .where('organization_id', 'is', null)
        .where('email', 'like', `%@${domain}`)
        .execute();
    }
  },
};

export type OrganizationRow = NonNullable<Awaited<ReturnType<typeof organizationsRepository.findById>>>;

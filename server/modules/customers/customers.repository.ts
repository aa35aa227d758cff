import type { DbOrTrx } from '../../db/database';
import { fullTextIndex } from '../../db/dialect/full-text';
import { insertReturningId, pick, prepared } from '../../db/prepared';
import type { CustomersTable } from '../../db/schema';

type CustomerValues = Pick<
  CustomersTable,
  'name' | 'email' | 'phone' | 'organization_id' | 'timezone' | 'language'
> & {
  tags: string;
};

const customerColumns = [
  'customers.id',
  'customers.name',
  'customers.email',
  'customers.phone',
  'customers.organization_id',
  'customers.timezone',
  'customers.language',
  'customers.tags',
  'customers.merged_into_id',
  'customers.created_at',
  'customers.updated_at',
  'organizations.name as organization_name',
] as const;

/**
 * Every ticket sent by mail or API looks its requester up by address (see server/db/prepared.ts).
 * The address is matched in a subquery of its own: as a join condition, SQLite's planner (with
 * ANALYZE statistics) would plan the statement again for every address.
 */
const byEmailQuery = prepared((db, p: { email: string }) =>
  db
    .selectFrom('customers')
    .leftJoin('organizations', 'organizations.id', 'customers.organization_id')
    .select(customerColumns)
    .where('customers.id', '=', (eb) =>
      eb
        .selectFrom('customer_emails')
        .select('customer_emails.customer_id')
        .where('customer_emails.email', '=', p.email),
    ),
);

/** Customers by name, addresses and phone (migration 0005); each new customer writes an entry. */
const customerSearch = fullTextIndex({
  table: 'customer_search',
  columns: [{ name: 'name' }, { name: 'emails' }, { name: 'phone' }],
  keepsText: false,
});

/** Writes a customer's search entry; the caller has removed any old one. */
async function addSearchEntry(
  db: DbOrTrx,
  id: number,
  entry: { name: string; emails: string[]; phone: string | null },
): Promise<void> {
  await customerSearch.insert(db, id, {
    name: entry.name,
    emails: entry.emails.join(' '),
    phone: entry.phone ?? '',
  });
}

const insertColumns = [
  'name',
  'email',
  'phone',
  'organization_id',
  'timezone',
  'language',
  'tags',
  'created_at',
  'updated_at',
] as const;
/** Every ticket from a new address adds a customer (see server/db/prepared.ts). */
const insertQuery = insertReturningId((db, p: CustomerValues & { created_at: string; updated_at: string }) =>
  db.insertInto('customers').values(pick(p, insertColumns)),
);

const insertEmailQuery = prepared((db, p: { email: string; customer_id: number }) =>
  db.insertInto('customer_emails').values({ email: p.email, customer_id: p.customer_id }),
);

export const customersRepository = {
  findById(db: DbOrTrx, id: number) {
    return db
      .selectFrom('customers')
      .leftJoin('organizations', 'organizations.id', 'customers.organization_id')
      .select(customerColumns)
      .where('customers.id', '=', id)
      .executeTakeFirst();
  },

  namesByIds(db: DbOrTrx, ids: number[]): Promise<{ id: number; name: string }[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('customers').select(['id', 'name']).where('id', 'in', ids).execute();
  },

  /** The customer an address belongs to (merges move addresses to the customer kept). */
  findByEmail(db: DbOrTrx, email: string) {
    return byEmailQuery.first(db, { email: email.toLowerCase() });
  },

  /** The customer an address belongs to, following merges. */
  async findIdByEmail(db: DbOrTrx, email: string): Promise<number | undefined> {
    const row = await db
      .selectFrom('customer_emails')
      .select('customer_id')
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
    return row?.customer_id;
  },

  async list(
    db: DbOrTrx,
    filter: { q?: string; organizationId?: number; tag?: string; limit: number },
    afterId: number | null,
  ) {
    const matches = filter.q ? await customersRepository.searchIds(db, filter.q, 500) : null;
    let query = db
      .selectFrom('customers')
      .leftJoin('organizations', 'organizations.id', 'customers.organization_id')
      .select(customerColumns)
      .where('customers.merged_into_id', 'is', null);
    if (matches) query = query.where('customers.id', 'in', matches.length ? matches : [-1]);
    if (filter.organizationId) query = query.where('customers.organization_id', '=', filter.organizationId);
    if (filter.tag) query = query.where('customers.tags', 'like', `%${JSON.stringify(filter.tag)}%`);
    if (afterId !== null) query = query.where('customers.id', '<', afterId);
    return query
      .orderBy('customers.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  },

  /** Customers whose name, addresses or phone contain the words (the last one as a prefix), best first. */
  async searchIds(db: DbOrTrx, q: string, limit: number): Promise<number[]> {
    const terms = q
      .toLowerCase()
      .split(/[^\p{L}\p{N}_]+/u)
      .filter(Boolean)
      .slice(0, 6);
    if (terms.length === 0) return [];
    const hits = await customerSearch.match(db, { terms, prefixLast: true, limit, within: null });
    return hits.map((h) => h.rowid);
  },

  /** Rebuilds a customer's search entry from their name, addresses and phone; merged customers leave the index. */
  async reindex(db: DbOrTrx, id: number): Promise<void> {
    const row = await db
      .selectFrom('customers')
      .select(['name', 'phone', 'merged_into_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    const emails = (
      await db.selectFrom('customer_emails').select('email').where('customer_id', '=', id).execute()
    ).map((e) => e.email);
    await customerSearch.remove(db, id);
    if (!row || row.merged_into_id !== null) return;
    await addSearchEntry(db, id, { name: row.name, emails, phone: row.phone });
  },

  /** A new customer with their address and search entry (written directly: nothing to read back). */
  async insert(db: DbOrTrx, values: CustomerValues, now: string): Promise<number> {
    const id = await insertQuery(db, { ...values, created_at: now, updated_at: now });
    if (values.email) await insertEmailQuery.rows(db, { email: values.email, customer_id: id });
    await addSearchEntry(db, id, {
      name: values.name,
      emails: values.email ? [values.email] : [],
      phone: values.phone,
    });
    return id;
  },

  async update(
    db: DbOrTrx,
    id: number,
    values: Partial<CustomerValues> & { merged_into_id?: number },
    now: string,
  ) {
    await db
      .updateTable('customers')
      .set({ ...values, updated_at: now })
      .where('id', '=', id)
      .execute();
  },

  mailPreferences(db: DbOrTrx, id: number) {
    return db
      .selectFrom('customers')
      .select(['mail_on_reply', 'mail_on_solved'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async setMailPreferences(
    db: DbOrTrx,
    id: number,
    values: { mail_on_reply: number; mail_on_solved: number },
    now: string,
  ) {
    await db
      .updateTable('customers')
      .set({ ...values, updated_at: now })
      .where('id', '=', id)
      .execute();
  },

  /** Makes `email` one of the customer's addresses (the primary one is customers.email). */
  async addEmail(db: DbOrTrx, id: number, email: string) {
    await db.deleteFrom('customer_emails').where('email', '=', email).execute();
    await db.insertInto('customer_emails').values({ email, customer_id: id }).execute();
  },

  async moveEmails(db: DbOrTrx, fromId: number, toId: number) {
    await db
      .updateTable('customer_emails')
      .set({ customer_id: toId })
      .where('customer_id', '=', fromId)
      .execute();
  },

  async moveNotes(db: DbOrTrx, fromId: number, toId: number) {
    await db
      .updateTable('customer_notes')
      .set({ customer_id: toId })
      .where('customer_id', '=', fromId)
      .execute();
  },

  notes(db: DbOrTrx, customerId: number) {
    return db
      .selectFrom('customer_notes')
      .leftJoin('users', 'users.id', 'customer_notes.author_id')
      .select([
        'customer_notes.id',
        'customer_notes.body',
        'customer_notes.created_at',
        'users.id as author_id',
        'users.name as author_name',
      ])
      .where('customer_notes.customer_id', '=', customerId)
      .orderBy('customer_notes.id', 'desc')
      .limit(200)
      .execute();
  },

  async insertNote(
    db: DbOrTrx,
    values: { customerId: number; authorId: number | null; body: string; now: string },
  ) {
    const row = await db
      .insertInto('customer_notes')
      .values({
        customer_id: values.customerId,
        author_id: values.authorId,
        body: values.body,
        created_at: values.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  ticketsOf(db: DbOrTrx, customerId: number) {
    return db
      .selectFrom('tickets')
      .select(['id', 'subject', 'status', 'priority', 'channel', 'created_at'])
      .where('requester_id', '=', customerId)
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute();
  },
};

export type CustomerRow = NonNullable<Awaited<ReturnType<typeof customersRepository.findById>>>;
export type NoteRow = Awaited<ReturnType<typeof customersRepository.notes>>[number];

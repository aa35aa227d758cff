import type { Role } from '../../contracts/common';
import type { DbOrTrx } from '../db/database';
import { findOrCreateCustomer, reindexCustomer } from '../modules/customers';
import { insertMailboxRow } from '../modules/mailboxes';
import { insertTeamRow, setTeamMembers } from '../modules/teams';
import { insertUserAccount } from '../modules/users';
import { nowIso } from '../platform/clock';
import { hashPassword } from '../platform/crypto';

/** Row builders shared by demo data, API tests and browser tests. */

const hashCache = new Map<string, Promise<string>>();
/** Hashing is slow on purpose; seeds reuse one hash per distinct password. */
export function cachedHash(password: string): Promise<string> {
  let hash = hashCache.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashCache.set(password, hash);
  }
  return hash;
}

export interface UserSeed {
  email: string;
  name: string;
  role: Role;
  password?: string | null;
  timezone?: string;
  skills?: string[];
  languages?: string[];
}

export async function insertUser(db: DbOrTrx, seed: UserSeed): Promise<number> {
  const now = nowIso();
  const customerId =
    seed.role === 'customer'
      ? (await findOrCreateCustomer(db, { email: seed.email, name: seed.name }, now)).id
      : null;
  return insertUserAccount(db, {
    customer_id: customerId,
    email: seed.email.toLowerCase(),
    name: seed.name,
    role: seed.role,
    password_hash: seed.password ? await cachedHash(seed.password) : null,
    timezone: seed.timezone ?? 'UTC',
    skills: JSON.stringify(seed.skills ?? []),
    languages: JSON.stringify(seed.languages ?? []),
    created_at: now,
    updated_at: now,
  });
}

export async function insertTeam(
  db: DbOrTrx,
  seed: {
    name: string;
    description?: string;
    leadId?: number | null;
    memberIds?: number[];
    calendarId?: number | null;
  },
): Promise<number> {
  const now = nowIso();
  const id = await insertTeamRow(db, {
    name: seed.name,
    description: seed.description ?? '',
    leadId: seed.leadId ?? null,
    calendarId: seed.calendarId ?? null,
    now,
  });
  const members = [...new Set([...(seed.memberIds ?? []), ...(seed.leadId ? [seed.leadId] : [])])];
  await setTeamMembers(db, id, members, now);
  return id;
}

/** A mailbox receiving over the built-in SMTP listener, acknowledging new requests. */
export async function insertMailbox(
  db: DbOrTrx,
  seed: { address: string; displayName?: string; defaultTeamId?: number | null; isDefault?: boolean },
): Promise<number> {
  const now = nowIso();
  return insertMailboxRow(
    db,
    {
      address: seed.address,
      display_name: seed.displayName ?? 'Support',
      default_team_id: seed.defaultTeamId ?? null,
      default_category_id: null,
      signature: '',
      inbound_method: 'smtp',
      imap: null,
      smtp_url: null,
      auto_ack: 1,
      ack_subject: null,
      ack_body: null,
      is_default: seed.isDefault ? 1 : 0,
      updated_at: now,
    },
    now,
  );
}

export async function insertOrganization(
  db: DbOrTrx,
  seed: { name: string; domains: string[]; notes?: string },
) {
  const now = nowIso();
  const row = await db
    .insertInto('organizations')
    .values({
      name: seed.name,
      domains: JSON.stringify(seed.domains),
      notes: seed.notes ?? '',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertCustomers(
  db: DbOrTrx,
  seeds: {
    email: string;
    name: string;
    phone?: string | null;
    organizationId?: number | null;
    timezone?: string;
    language?: string;
    /** When they became a customer; now unless given. */
    createdAt?: string;
  }[],
) {
  const now = nowIso();
  const ids: number[] = [];
  for (let i = 0; i < seeds.length; i += 100) {
    const rows = await db
      .insertInto('customers')
      .values(
        seeds.slice(i, i + 100).map((s) => ({
          email: s.email.toLowerCase(),
          name: s.name,
          phone: s.phone ?? null,
          organization_id: s.organizationId ?? null,
          timezone: s.timezone ?? null,
          language: s.language ?? null,
          created_at: s.createdAt ?? now,
          updated_at: s.createdAt ?? now,
        })),
      )
      .returning(['id', 'email'])
      .execute();
    ids.push(...rows.map((r) => r.id));
    const emails = rows.filter((r) => r.email !== null).map((r) => ({ email: r.email!, customer_id: r.id }));
    if (emails.length > 0) await db.insertInto('customer_emails').values(emails).execute();
    for (const row of rows) await reindexCustomer(db, row.id);
  }
  return ids;
}

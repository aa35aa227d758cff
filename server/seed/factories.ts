import type { Role } from '../../contracts/common';
import type { DbOrTrx } from '../db/database';
import { findOrCreateCustomer, insertCustomerRow, insertOrganizationRow } from '../modules/customers';
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
  /** When the account was made; now unless given. */
  createdAt?: string;
  /** When they last signed in; never unless given. */
  lastSignInAt?: string;
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
    last_login_at: seed.lastSignInAt ?? null,
    created_at: seed.createdAt ?? now,
    updated_at: seed.createdAt ?? now,
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

export function insertOrganization(db: DbOrTrx, seed: { name: string; domains: string[]; notes?: string }) {
  return insertOrganizationRow(
    db,
    { name: seed.name, domains: seed.domains, notes: seed.notes ?? '' },
    nowIso(),
  );
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
  for (const s of seeds) {
    ids.push(
      await insertCustomerRow(
        db,
        {
          email: s.email.toLowerCase(),
          name: s.name,
          phone: s.phone ?? null,
          organization_id: s.organizationId ?? null,
          timezone: s.timezone ?? null,
          language: s.language ?? null,
        },
        s.createdAt ?? now,
      ),
    );
  }
  return ids;
}

import {
  type DataQualityCheckKey,
  type DataQualityFinding,
  type DataQualityItem,
  dataQualityChecks,
} from '../../../contracts/data-quality';

/** Mail domains that are one mailbox under two names. */
const SAME_MAILBOX: Record<string, string> = { 'googlemail.com': 'gmail.com' };
/** Domains that ignore dots in the local part. */
const DOTLESS = new Set(['gmail.com']);

/**
 * An address as the mailbox it reaches: lower case, a "+tag" dropped, googlemail.com read as
 * gmail.com, and dots dropped where gmail ignores them. Linear in the address.
 */
export function mailboxOf(email: string): { local: string; domain: string } | null {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return null;
  const rawDomain = email.slice(at + 1).toLowerCase();
  const domain = SAME_MAILBOX[rawDomain] ?? rawDomain;
  let local = email.slice(0, at).toLowerCase();
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (DOTLESS.has(domain)) local = local.split('.').join('');
  return { local, domain };
}

/** A phone number as its digits (a leading "00" read as "+"); null under 7 digits. */
export function phoneKey(phone: string | null): string | null {
  if (!phone) return null;
  let digits = '';
  for (const ch of phone) if (ch >= '0' && ch <= '9') digits += ch;
  if (digits.startsWith('00')) digits = digits.slice(2);
  return digits.length >= 7 ? digits : null;
}

export interface CustomerForDuplicates {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  organization_id: number | null;
}

export interface DuplicatePair {
  id: number;
  otherId: number;
  reason: string;
}

/**
 * Likely duplicate customers: two customers whose addresses reach the same mailbox (gmail.com /
 * googlemail.com, dots, +tags), whose addresses share the local part at two domains of the same
 * organisation, or whose phone numbers have the same digits. Each later customer is paired with
 * the first one met under the same key; one pair per customer. Linear in the customers.
 */
export function likelyDuplicates(
  customers: CustomerForDuplicates[],
  emails: { email: string; customer_id: number }[],
): DuplicatePair[] {
  const byId = new Map(customers.map((c) => [c.id, c]));
  const first = new Map<string, number>();
  const pairs = new Map<number, DuplicatePair>();
  const see = (key: string, id: number, reason: string) => {
    const seen = first.get(key);
    if (seen === undefined) first.set(key, id);
    else if (seen !== id && !pairs.has(id) && !pairs.has(seen)) pairs.set(id, { id, otherId: seen, reason });
  };
  const addresses = new Map<number, string[]>();
  for (const row of emails)
    addresses.set(row.customer_id, [...(addresses.get(row.customer_id) ?? []), row.email]);
  // Oldest first, so the older customer is the one to merge into.
  const ordered = [...customers].sort((a, b) => a.id - b.id);
  for (const customer of ordered) {
    const own = new Set([...(addresses.get(customer.id) ?? []), ...(customer.email ? [customer.email] : [])]);
    for (const email of own) {
      const box = mailboxOf(email);
      if (!box) continue;
      see(`mail:${box.local}@${box.domain}`, customer.id, `Same mailbox as ${email}`);
      if (customer.organization_id !== null)
        see(
          `org:${customer.organization_id}:${box.local}`,
          customer.id,
          `Same name at another domain of the organisation (${email})`,
        );
    }
    const phone = phoneKey(customer.phone);
    if (phone) see(`phone:${phone}`, customer.id, `Same phone number (${customer.phone})`);
  }
  return [...pairs.values()].filter((p) => byId.has(p.id) && byId.has(p.otherId));
}

/**
 * The data-quality score: 100 minus the weighted share of issues. Each check's share is what it
 * found over what it looked at (0 when it looked at nothing, capped at 1), times its weight
 * (the weights add up to 100). One decimal, kept in tenths.
 */
export function scoreTenths(findings: Pick<DataQualityFinding, 'check' | 'count' | 'population'>[]): number {
  let lost = 0;
  for (const check of dataQualityChecks) {
    const finding = findings.find((f) => f.check === check.key);
    if (!finding || finding.population <= 0) continue;
    lost += check.weight * Math.min(1, finding.count / finding.population);
  }
  return Math.round(Math.max(0, 100 - lost) * 10);
}

export const finding = (
  check: DataQualityCheckKey,
  count: number,
  population: number,
  items: DataQualityItem[],
): DataQualityFinding => ({
  check,
  count,
  countCapped: false,
  population: Math.max(population, count),
  items,
});

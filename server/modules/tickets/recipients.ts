import type { MessageRecipients } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';

/**
 * The addresses in copy on a ticket's mail. The mailboxes module keeps them; the registry
 * passes its function in (the mailboxes module reads tickets, so it cannot be imported here).
 */
export type CopiesOf = (db: DbOrTrx, ticketId: number) => Promise<string[]>;

/**
 * Who a reply is written to: the requester in To, then Cc and Bcc, each address once (an
 * address already in To or Cc is left out of the lists after it). Addresses arrive trimmed and
 * lower-cased (contracts/text.ts).
 */
export function replyRecipients(requester: string | null, cc: string[], bcc: string[]): MessageRecipients {
  const to = requester ? [requester.toLowerCase()] : [];
  const seen = new Set(to);
  const fresh = (address: string) => {
    if (seen.has(address)) return false;
    seen.add(address);
    return true;
  };
  return { to, cc: cc.filter(fresh), bcc: bcc.filter(fresh) };
}

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

/** A message row's stored recipients, or null (other messages, and replies kept before they were stored). */
export function recipientsOf(row: { recipients: string | null }): MessageRecipients | null {
  if (!row.recipients) return null;
  const value: unknown = JSON.parse(row.recipients);
  if (typeof value !== 'object' || value === null) return null;
  const { to, cc, bcc } = value as Record<string, unknown>;
  return isStrings(to) && isStrings(cc) && isStrings(bcc) ? { to, cc, bcc } : null;
}

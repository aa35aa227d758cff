import type { CopySuggestion, TicketCopies } from '../../../contracts/mail';
import type { DbOrTrx } from '../../db/database';
import { loadTicket } from '../tickets';
import { threadsRepository as repo } from './threads.repository';

/**
 * A ticket's copies: the addresses in copy on mail to the customer, and the suggestions that
 * wait for an agent. An address reaches the copies only by the requester's own choice (the To
 * and Cc of the mail that opened the ticket, or of a later mail from a trusted sender) or by an
 * agent; anyone else's mail only suggests it. That is what stops a forged reply from putting
 * its own address on every later answer.
 */
export const MAX_COPIES = 20;

type TicketMailRow = Awaited<ReturnType<typeof repo.ticketMail>>;

function stringsOf(json: string | undefined): string[] {
  const value: unknown = JSON.parse(json ?? '[]');
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function suggestionsOf(json: string | undefined): CopySuggestion[] {
  const value: unknown = JSON.parse(json ?? '[]');
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is CopySuggestion =>
      typeof v === 'object' && v !== null && typeof (v as CopySuggestion).address === 'string',
  );
}

export function readCopies(row: TicketMailRow): TicketCopies {
  return { copies: stringsOf(row?.cc), suggestions: suggestionsOf(row?.suggested_cc) };
}

/** The addresses in copy on the ticket's mail. */
export async function copiesOfTicket(db: DbOrTrx, ticketId: number): Promise<string[]> {
  return readCopies(await repo.ticketMail(db, ticketId)).copies;
}

/** Whether a mail from this address speaks for the ticket: its requester, or one of its copies. */
export async function trustsSender(db: DbOrTrx, ticketId: number, address: string): Promise<boolean> {
  const ticket = await loadTicket(db, ticketId);
  if (ticket.requester.email === address) return true;
  return (await copiesOfTicket(db, ticketId)).includes(address);
}

export async function saveCopies(
  db: DbOrTrx,
  ticketId: number,
  state: TicketCopies,
  mailboxId?: number | null,
): Promise<void> {
  await repo.saveTicketMail(db, ticketId, {
    ...(mailboxId !== undefined ? { mailbox_id: mailboxId } : {}),
    cc: JSON.stringify(state.copies.slice(0, MAX_COPIES)),
    suggested_cc: JSON.stringify(state.suggestions.slice(0, MAX_COPIES)),
  });
}

/**
 * Keeps what an inbound mail put in copy: a trusted mail adds the addresses to the copies (and
 * settles any suggestion of them); any other mail suggests those not already there, saying
 * which message suggested them.
 */
export async function keepMailCopies(
  db: DbOrTrx,
  ticketId: number,
  mailboxId: number,
  offered: string[],
  suggestedBy: Omit<CopySuggestion, 'address'> | null,
): Promise<void> {
  const state = readCopies(await repo.lockTicketMail(db, ticketId));
  if (suggestedBy === null) {
    state.copies = [...new Set([...state.copies, ...offered])];
    state.suggestions = state.suggestions.filter((s) => !offered.includes(s.address));
  } else {
    const known = new Set([...state.copies, ...state.suggestions.map((s) => s.address)]);
    const fresh = offered.filter((address) => !known.has(address));
    state.suggestions = [...state.suggestions, ...fresh.map((address) => ({ address, ...suggestedBy }))];
  }
  await saveCopies(db, ticketId, state, mailboxId);
}

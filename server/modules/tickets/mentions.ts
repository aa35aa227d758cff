import type { DbOrTrx } from '../../db/database';
import { ticketsRepository } from './tickets.repository';

function withoutTrailingDots(handle: string): string {
  let end = handle.length;
  while (end > 0 && handle[end - 1] === '.') end -= 1;
  return handle.slice(0, end);
}

/** The handles written as @local-part-of-email in a note (e.g. @amara.adeyemi). */
export function mentionHandles(body: string): string[] {
  const found = [...body.matchAll(/(?:^|[\s(])@([a-z0-9][a-z0-9._-]{0,62})/gi)].map((m) =>
    withoutTrailingDots(m[1]!.toLowerCase()),
  );
  return [...new Set(found)];
}

/** People mentioned in a note, active staff only. */
export function mentionedUsers(db: DbOrTrx, body: string): Promise<number[]> {
  return ticketsRepository.staffByHandles(db, mentionHandles(body));
}

/**
 * Rings the bell of the people mentioned in a note, in the caller's transaction. The
 * notifications module owns the bell; the registry passes its function in.
 */
export type MentionNotifier = (
  db: DbOrTrx,
  userIds: number[],
  about: { kind: 'mention'; ticketId: number; messageId: number; actorName: string; now: string },
) => Promise<void>;

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

export function notifyMentions(
  db: DbOrTrx,
  userIds: number[],
  at: { ticketId: number; messageId: number; actorName: string; now: string },
): Promise<void> {
  return ticketsRepository.notify(db, userIds, { ...at, kind: 'mention' });
}

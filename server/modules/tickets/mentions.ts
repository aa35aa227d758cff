import type { DbOrTrx } from '../../db/database';

/**
 * People mentioned in a note as @local-part of their email (e.g. @amara.adeyemi), active staff only.
 */
export async function mentionedUsers(db: DbOrTrx, body: string): Promise<number[]> {
  const handles = [
    ...new Set(
      [...body.matchAll(/(?:^|[\s(])@([a-z0-9][a-z0-9._-]{0,62})/gi)].map((m) =>
        m[1]!.toLowerCase().replace(/[.]+$/, ''),
      ),
    ),
  ];
  if (handles.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('deactivated_at', 'is', null)
    .where('role', '!=', 'customer')
    .where((eb) => eb.or(handles.map((h) => eb('email', 'like', `${h}@%`))))
    .execute();
  return rows.map((r) => r.id);
}

export async function notifyMentions(
  db: DbOrTrx,
  userIds: number[],
  at: { ticketId: number; messageId: number; actorName: string; now: string },
): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      userIds.map((userId) => ({
        user_id: userId,
        kind: 'mention',
        ticket_id: at.ticketId,
        message_id: at.messageId,
        actor_name: at.actorName,
        created_at: at.now,
      })),
    )
    .execute();
}

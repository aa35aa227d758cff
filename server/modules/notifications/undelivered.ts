import type { DbOrTrx } from '../../db/database';
import { nowIso } from '../../platform/clock';
import type { OutboxRow } from '../../platform/mail/outbox.repository';
import { findMessage } from '../tickets';
import { notifyUsers } from './notifications.service';

/** Tells the agent who wrote a reply that its mail did not reach the customer (refused or bounced). */
export async function tellAuthorNotDelivered(
  db: DbOrTrx,
  mail: Pick<OutboxRow, 'message_row_id' | 'ticket_id'>,
): Promise<void> {
  if (!mail.message_row_id || !mail.ticket_id) return;
  const message = await findMessage(db, mail.message_row_id);
  if (!message?.author_user_id) return;
  await notifyUsers(db, [message.author_user_id], {
    kind: 'mail_failed',
    ticketId: mail.ticket_id,
    messageId: message.id,
    actorName: 'Mail delivery',
    now: nowIso(),
  });
}

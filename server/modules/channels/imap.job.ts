import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database';
import { addMinutes, nowIso } from '../../platform/clock';
import { pollImap } from './imap.poller';
import { storeInboundMail } from './inbound.store';
import { mailboxesRepository as repo } from './mailboxes.repository';
import { parseImap } from './mailboxes.service';

/**
 * Polls every IMAP mailbox that is due. Each is claimed first, so with several nodes only one
 * polls it; a message is moved or flagged on the server only after it is stored here.
 */
export async function pollDueMailboxes(
  db: Db,
  log: FastifyBaseLogger,
  onStored: () => void,
): Promise<number> {
  const now = nowIso();
  const due = await repo.claimDueImap(db, now, addMinutes(now, 2));
  let stored = 0;
  for (const box of due) {
    const settings = parseImap(box.imap)!;
    let error: string | null = null;
    try {
      const result = await pollImap(
        settings,
        async (message) => {
          await storeInboundMail(db, {
            raw: message.raw,
            source: 'imap',
            mailboxId: box.id,
            envelopeFrom: null,
            recipients: [],
          });
        },
        log,
      );
      stored += result.accepted;
      if (result.failed > 0)
        error = `${result.failed} message(s) could not be stored; they stay on the server`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      log.warn({ err: e, mailboxId: box.id }, 'IMAP poll failed');
    }
    await repo.releaseImap(db, box.id, nowIso(), error);
  }
  if (stored > 0) onStored();
  return stored;
}

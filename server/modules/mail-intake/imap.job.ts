import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database';
import { addMinutes, nowIso } from '../../platform/clock';
import { clearJobFailure, heldJobItems, recordJobFailure } from '../../platform/job-failures';
import { claimDueImap, parseImap, releaseImap } from '../mailboxes';
import { pollImap } from './imap.poller';
import { storeInboundMail } from './inbound.store';

/** The job's name among background jobs: a mailbox that keeps failing waits, then stops. */
export const IMAP_JOB = 'imap';
const HELD = 'Polling paused after failures: see Admin → Background jobs';

/**
 * Polls every IMAP mailbox that is due. Each is claimed first, so with several nodes only one
 * polls it; a message is moved or flagged on the server only after it is stored here. A mailbox
 * whose poll fails waits with backoff, and after five failures in a row it is not polled again
 * until an admin retries it.
 */
export async function pollDueMailboxes(
  db: Db,
  log: FastifyBaseLogger,
  onStored: () => void,
): Promise<number> {
  const now = nowIso();
  const due = await claimDueImap(db, now, addMinutes(now, 2));
  const held = await heldJobItems(db, IMAP_JOB, now);
  let stored = 0;
  for (const box of due) {
    const settings = parseImap(box.imap)!;
    const item = { job: IMAP_JOB, key: String(box.id), label: `Mailbox ${box.id}: IMAP ${settings.host}` };
    if (held.has(item.key)) {
      await releaseImap(db, box.id, nowIso(), HELD);
      continue;
    }
    let error: string | null = null;
    let failed = false;
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
      failed = true;
      log.warn({ err: e, mailboxId: box.id }, 'IMAP poll failed');
    }
    await db.transaction().execute(async (trx) => {
      if (failed) await recordJobFailure(trx, item, error);
      else await clearJobFailure(trx, IMAP_JOB, item.key);
      await releaseImap(trx, box.id, nowIso(), error);
    });
  }
  if (stored > 0) onStored();
  return stored;
}

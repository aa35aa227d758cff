import type { DbOrTrx } from '../../db/database';
import { nowIso } from '../../platform/clock';
import { reportMetric } from '../../platform/metric-events';
import { mailFingerprint } from './inbound.fingerprint';
import { inboundRepository as repo } from './mail-intake.repository';
import { normalizeMessageId } from './mail-intake.rules';
import { headerEnd, headerLines } from './parse.headers';
import { peopleIn } from './parse.senders';

export interface ReceivedMail {
  raw: Buffer;
  source: 'smtp' | 'imap';
  mailboxId: number | null;
  envelopeFrom: string | null;
  recipients: string[];
}

/** The first occurrence of each header of a raw message, unfolded, read from its first 64 KB. */
function rawHeaders(raw: Buffer): Record<string, string> {
  const head = raw.subarray(0, 64 * 1024);
  const headers: Record<string, string> = {};
  for (const [name, value] of headerLines(head.subarray(0, headerEnd(head).head).toString('latin1'))) {
    if (!(name in headers)) headers[name] = value;
  }
  return headers;
}

/**
 * Makes stored mail durable, one disk sync for every message stored meanwhile: a message waits
 * for a sync that starts after it was written.
 */
const flushes = new WeakMap<DbOrTrx, Promise<void>>();
function durable(db: DbOrTrx): Promise<void> {
  let pending = flushes.get(db);
  if (!pending) {
    pending = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      flushes.delete(db);
      return repo.flush(db);
    });
    flushes.set(db, pending);
  }
  return pending;
}

/**
 * Keeps a received message before anyone is told it arrived: the SMTP listener answers 250,
 * and the IMAP poller moves the message, only after this resolves. A mail whose Message-ID and
 * content fingerprint were both received before stores nothing (answers `duplicate`); a
 * different mail that reuses a known Message-ID is kept, marked as a clash.
 */
export async function storeInboundMail(
  db: DbOrTrx,
  mail: ReceivedMail,
): Promise<{ id: number | null; duplicate: boolean }> {
  const headers = rawHeaders(mail.raw);
  const messageId = headers['message-id'] ? normalizeMessageId(headers['message-id']) : null;
  // A read, not a write: a mail that only repeats a kept one stores nothing below anyway.
  const clash = messageId ? await repo.messageIdKnown(db, messageId) : false;
  const id = await repo.insert(
    db,
    {
      mailbox_id: mail.mailboxId,
      source: mail.source,
      envelope_from: mail.envelopeFrom?.toLowerCase().slice(0, 254) || null,
      recipients: JSON.stringify(mail.recipients.map((r) => r.toLowerCase())),
      message_id: messageId || null,
      fingerprint: messageId ? mailFingerprint(mail.raw) : null,
      sender:
        peopleIn(headers.from ?? '')[0]?.address ?? peopleIn(mail.envelopeFrom ?? '')[0]?.address ?? null,
      subject: (headers.subject ?? '').slice(0, 300),
      raw: mail.raw,
      message_id_clash: clash ? 1 : 0,
    },
    nowIso(),
  );
  await durable(db);
  reportMetric({ type: 'mail.received', source: mail.source });
  return { id, duplicate: id === null };
}

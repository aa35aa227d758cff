import type { DbOrTrx } from '../../db/database';
import { nowIso } from '../../platform/clock';
import { inboundRepository as repo } from './inbound.repository';
import { normalizeMessageId } from './mail.rules';

export interface ReceivedMail {
  raw: Buffer;
  source: 'smtp' | 'imap';
  mailboxId: number | null;
  envelopeFrom: string | null;
  recipients: string[];
}

/** The header block of a raw message, unfolded, first occurrence of each name. */
function rawHeaders(raw: Buffer): Record<string, string> {
  const head = raw.subarray(0, 64 * 1024).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const block = (end === -1 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const match = /^([!-9;-~]+):\s*(.*)$/.exec(line);
    if (match && !(match[1]!.toLowerCase() in headers)) headers[match[1]!.toLowerCase()] = match[2]!.trim();
  }
  return headers;
}

function addressIn(value: string | undefined): string | null {
  const match = /<([^<>\s]+@[^<>\s]+)>/.exec(value ?? '') ?? /([^\s<>",;]+@[^\s<>",;]+)/.exec(value ?? '');
  return match ? match[1]!.toLowerCase().slice(0, 254) : null;
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
 * and the IMAP poller moves the message, only after this resolves. A Message-ID already
 * received stores nothing (answers `duplicate`).
 */
export async function storeInboundMail(
  db: DbOrTrx,
  mail: ReceivedMail,
): Promise<{ id: number | null; duplicate: boolean }> {
  const headers = rawHeaders(mail.raw);
  const messageId = headers['message-id'] ? normalizeMessageId(headers['message-id']) : null;
  const id = await repo.insert(
    db,
    {
      mailbox_id: mail.mailboxId,
      source: mail.source,
      envelope_from: mail.envelopeFrom?.toLowerCase().slice(0, 254) || null,
      recipients: JSON.stringify(mail.recipients.map((r) => r.toLowerCase())),
      message_id: messageId || null,
      sender: addressIn(headers.from) ?? addressIn(mail.envelopeFrom ?? undefined),
      subject: (headers.subject ?? '').slice(0, 300),
      raw: mail.raw,
    },
    nowIso(),
  );
  await durable(db);
  return { id, duplicate: id === null };
}

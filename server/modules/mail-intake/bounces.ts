import type { DbOrTrx } from '../../db/database';
import { outboxRepository } from '../../platform/mail/outbox.repository';
import { outboxOfMessageIds } from '../mailboxes';
import { tellAuthorNotDelivered } from '../notifications';
import { normalizeMessageId, referencedIds } from './mail-intake.rules';
import type { ParsedInbound } from './parse';
import { headerEnd, headerLines } from './parse.headers';

/** What a delivery report says about the mail it returns. */
export interface BounceReport {
  /** `failed` for a permanent failure; `delayed` while the sender's server keeps trying. */
  action: 'failed' | 'delayed' | 'other';
  diagnostic: string;
  /** Message-IDs of the returned mail, newest first. */
  originalIds: string[];
}

/** `Name: value` fields of delivery-status text, first occurrence of each, read line by line. */
function fields(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n').slice(0, 2000)) {
    const colon = line.indexOf(':');
    if (colon < 1 || colon > 40) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!out.has(name))
      out.set(
        name,
        line
          .slice(colon + 1)
          .trim()
          .slice(0, 500),
      );
  }
  return out;
}

/** The Message-ID of the returned mail: from the attached message or headers, else quoted in the text. */
function returnedIds(mail: ParsedInbound, text: Map<string, string>): string[] {
  const ids: string[] = [];
  for (const file of mail.files) {
    if (file.contentType !== 'message/rfc822' && file.contentType !== 'text/rfc822-headers') continue;
    const bytes = Buffer.from(
      file.content.buffer,
      file.content.byteOffset,
      Math.min(file.content.byteLength, 64 * 1024),
    );
    const head = bytes.subarray(0, headerEnd(bytes).head).toString('latin1');
    const id = headerLines(head).find(([name]) => name === 'message-id')?.[1];
    if (id) ids.push(normalizeMessageId(id));
  }
  const quoted = text.get('message-id');
  if (quoted) ids.push(normalizeMessageId(quoted));
  return [...ids, ...referencedIds(mail.inReplyTo ?? undefined, mail.references)].filter(Boolean);
}

/** Reads a delivery report (RFC 3464, or the plain-text kind older servers send). */
export function readBounce(mail: ParsedInbound): BounceReport {
  const status = fields(mail.text);
  const action = (status.get('action') ?? '').toLowerCase();
  const code = status.get('status') ?? '';
  const diagnostic = (status.get('diagnostic-code') ?? '').replace(/^smtp;\s*/i, '') || code;
  return {
    action:
      action.startsWith('failed') || code.startsWith('5')
        ? 'failed'
        : action.startsWith('delayed') || code.startsWith('4')
          ? 'delayed'
          : 'other',
    diagnostic: diagnostic || 'the receiving server returned it',
    originalIds: returnedIds(mail, status),
  };
}

/**
 * Ties a delivery report to the reply it returns: the reply shows "Not delivered: …" and its
 * author is told, as for a refusal during sending. Answers the ticket, or null when the report
 * is about no mail of ours or only says delivery is delayed.
 */
export async function applyBounce(db: DbOrTrx, mail: ParsedInbound): Promise<{ ticketId: number } | null> {
  const report = readBounce(mail);
  if (report.action !== 'failed') return null;
  const sent = await outboxOfMessageIds(db, report.originalIds);
  if (!sent?.outbox_id) return null;
  const row = await outboxRepository.markBounced(db, sent.outbox_id, `Returned: ${report.diagnostic}`);
  if (row) await tellAuthorNotDelivered(db, row);
  return { ticketId: sent.ticket_id };
}

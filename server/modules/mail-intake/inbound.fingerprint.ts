import { createHash } from 'node:crypto';
import { headerEnd, headerLines } from './parse.headers';

/**
 * The headers that say what a mail is. Everything else is left out of the fingerprint: the
 * Received trail, Return-Path, Delivered-To, authentication results, spam scores and the
 * signatures relays add differ between two copies of the same mail. So does Date when a
 * client composes the same mail again to resend it.
 */
const contentHeaders = new Set([
  'from',
  'sender',
  'reply-to',
  'to',
  'cc',
  'subject',
  'message-id',
  'in-reply-to',
  'references',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

/** Collapses runs of spaces and tabs without a backtracking pattern. */
function squeeze(value: string): string {
  return value
    .split(/[ \t]+/)
    .join(' ')
    .trim();
}

/**
 * A fingerprint of what a mail says: its content headers and its body, with line endings and
 * trailing spaces normalised. Two copies of one mail that took different routes share it; two
 * different mails that reuse a Message-ID do not.
 */
export function mailFingerprint(raw: Buffer): string {
  const { head, body } = headerEnd(raw);
  const hash = createHash('sha256');
  for (const [name, value] of headerLines(raw.subarray(0, head).toString('latin1'))) {
    if (contentHeaders.has(name)) hash.update(`${name}:${squeeze(value)}\n`);
  }
  hash.update('\n');
  const text = raw.subarray(body).toString('latin1');
  let pendingBlank = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trimEnd();
    if (trimmed === '') {
      pendingBlank += 1;
      continue;
    }
    if (pendingBlank > 0) hash.update('\n'.repeat(pendingBlank));
    pendingBlank = 0;
    hash.update(`${trimmed}\n`);
  }
  return hash.digest('hex');
}

/**
 * Rules about mail that need no database: what counts as an automatic message, how a subject
 * names a ticket, which spam rule a message matches, and where quoted history starts.
 */

/** Header names in lower case, values unfolded. */
export type MailHeaders = Record<string, string>;

const robotSenders = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+.-].*)?@/i;

/** A bounce or delivery report: never a customer writing. */
export function isBounce(sender: string | null, headers: MailHeaders): boolean {
  const from = (sender ?? '').toLowerCase();
  const type = headers['content-type'] ?? '';
  return (
    /^(mailer-daemon|postmaster)@/.test(from) ||
    /multipart\/report/i.test(type) ||
    /delivery-status/i.test(type) ||
    (headers['return-path'] ?? '').trim() === '<>'
  );
}

/**
 * A message written by a machine (out-of-office, auto-responder, list, bounce). We never answer
 * these automatically, which is what stops two auto-responders from talking forever.
 */
export function isAutomated(sender: string | null, headers: MailHeaders): boolean {
  const autoSubmitted = (headers['auto-submitted'] ?? 'no').trim().toLowerCase();
  const precedence = (headers.precedence ?? '').trim().toLowerCase();
  const suppress = (headers['x-auto-response-suppress'] ?? '').toLowerCase();
  return (
    autoSubmitted !== 'no' ||
    ['bulk', 'junk', 'list', 'auto_reply', 'auto-reply'].includes(precedence) ||
    'x-autoreply' in headers ||
    'x-autorespond' in headers ||
    'x-autoresponder' in headers ||
    /\b(all|oof|autoreply)\b/.test(suppress) ||
    'list-id' in headers ||
    robotSenders.test(sender ?? '') ||
    isBounce(sender, headers)
  );
}

/** `[#1234]` anywhere in the subject names ticket 1234. */
export function ticketRefInSubject(subject: string): number | null {
  const match = /\[#(\d{1,9})\]/.exec(subject);
  return match ? Number(match[1]) : null;
}

/** Message-IDs in In-Reply-To and References, newest first, without angle brackets. */
export function referencedIds(inReplyTo: string | undefined, references: string | string[] | undefined) {
  const refs = Array.isArray(references) ? references.join(' ') : (references ?? '');
  const all = `${inReplyTo ?? ''} ${refs}`.match(/<[^<>\s]+>/g) ?? [];
  const ids = all.map(normalizeMessageId);
  return [...new Set(ids.reverse())];
}

export function normalizeMessageId(id: string): string {
  return id.trim().replace(/^<|>$/g, '').toLowerCase().slice(0, 500);
}

export interface SpamRule {
  kind: 'block_sender' | 'header';
  header: string | null;
  pattern: string;
}

/**
 * A sender rule matches the address (`bad@spam.example`), its domain (`@spam.example` or
 * `spam.example`) or a subdomain of it. A header rule matches when the header contains the text.
 */
export function matchingRule<R extends SpamRule>(
  rules: R[],
  sender: string | null,
  headers: MailHeaders,
): R | null {
  const from = (sender ?? '').toLowerCase();
  const domain = from.split('@')[1] ?? '';
  for (const rule of rules) {
    const pattern = rule.pattern.toLowerCase();
    if (rule.kind === 'block_sender') {
      const bare = pattern.replace(/^\*?@/, '');
      if (pattern.includes('@') && !pattern.startsWith('@') && !pattern.startsWith('*@')) {
        if (from === pattern) return rule;
      } else if (domain === bare || domain.endsWith(`.${bare}`)) {
        return rule;
      }
    } else if (rule.header && (headers[rule.header] ?? '').toLowerCase().includes(pattern)) {
      return rule;
    }
  }
  return null;
}

/** "On … wrote:" and its translations: the line starts and ends with fixed words, and is short. */
const attributionLines: [start: string, end: string][] = [
  ['On ', 'wrote:'],
  ['Am ', ':'],
  ['Le ', 'a écrit :'],
  ['Le ', 'a écrit:'],
];

/** Whether a (trimmed) line opens quoted history. Each test reads the line once. */
function startsQuote(line: string): boolean {
  if (line.startsWith('>')) return false;
  if (line.length <= 400) {
    for (const [start, end] of attributionLines) {
      if (line.startsWith(start) && line.endsWith(end) && line.length > start.length + end.length)
        return start !== 'Am ' || line.includes(' schrieb');
    }
  }
  if (line.startsWith('From: ') && line.length > 6) return true;
  if (line.length >= 10 && isRunOf(line, '_')) return true;
  if (line.startsWith('--')) {
    const inner = line.split('-').join(' ').trim().toLowerCase();
    return inner === 'original message' || inner === 'forwarded message';
  }
  return false;
}

const isRunOf = (line: string, char: string) => line.split(char).every((part) => part === '');

/**
 * Splits a plain-text body into what the sender wrote now and the quoted history below it
 * (">" lines, "On … wrote:", Outlook's "From:" block). The history is kept, only folded.
 * Linear: whether only ">" and empty lines follow a line is worked out once, from the end.
 */
export function splitQuoted(text: string): { fresh: string; quoted: string } {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const trimmed = lines.map((line) => line.trim());
  const onlyQuotesFrom: boolean[] = new Array(lines.length + 1).fill(true);
  for (let i = lines.length - 1; i >= 0; i -= 1)
    onlyQuotesFrom[i] = onlyQuotesFrom[i + 1]! && (trimmed[i] === '' || trimmed[i]!.startsWith('>'));
  for (let i = 1; i < lines.length; i += 1) {
    const line = trimmed[i]!;
    const quoteBlock = line.startsWith('>') && onlyQuotesFrom[i]!;
    if (startsQuote(line) || quoteBlock) {
      const fresh = lines.slice(0, i).join('\n').trimEnd();
      if (fresh.trim() === '') break;
      return { fresh, quoted: lines.slice(i).join('\n').trim() };
    }
  }
  return { fresh: text.trim(), quoted: '' };
}

/** The subject without `[#123]` references, found with indexOf instead of a pattern. */
function withoutTicketRefs(subject: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const at = subject.indexOf('[#', from);
    if (at === -1) return out + subject.slice(from);
    const close = subject.indexOf(']', at + 2);
    const digits = close === -1 ? '' : subject.slice(at + 2, close);
    if (digits.length >= 1 && digits.length <= 9 && /^\d+$/.test(digits)) {
      out += `${subject.slice(from, at)} `;
      from = close + 1;
    } else {
      out += subject.slice(from, at + 2);
      from = at + 2;
    }
  }
}

/** A subject without reply/forward prefixes and our own ticket reference. */
export function cleanSubject(subject: string): string {
  // Only the start can matter: what is kept is at most 250 characters.
  let s = withoutTicketRefs(subject.slice(0, 1000)).split(/\s+/).join(' ').trim();
  for (;;) {
    const next = s.replace(/^(re|fw|fwd|aw|wg|sv|vs|tr)(\[\d+\])?\s*:\s*/i, '').trim();
    if (next === s) break;
    s = next;
  }
  return s.slice(0, 250) || '(no subject)';
}

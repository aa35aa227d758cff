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

const quoteStarts = [
  /^On .{1,200}wrote:\s*$/,
  /^Am .{1,200}schrieb .{0,200}:\s*$/,
  /^Le .{1,200}a écrit\s*:\s*$/,
  /^-{2,}\s*Original Message\s*-{2,}\s*$/i,
  /^-{2,}\s*Forwarded message\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
  /^From: .+$/,
];

/**
 * Splits a plain-text body into what the sender wrote now and the quoted history below it
 * (">" lines, "On … wrote:", Outlook's "From:" block). The history is kept, only folded.
 */
export function splitQuoted(text: string): { fresh: string; quoted: string } {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!.trim();
    const startsQuote = quoteStarts.some((re) => re.test(line));
    const quoteBlock =
      line.startsWith('>') && lines.slice(i).every((l) => l.trim() === '' || l.trim().startsWith('>'));
    if ((startsQuote && i > 0) || (quoteBlock && i > 0)) {
      const fresh = lines.slice(0, i).join('\n').trimEnd();
      if (fresh.trim() === '') break;
      return { fresh, quoted: lines.slice(i).join('\n').trim() };
    }
  }
  return { fresh: text.trim(), quoted: '' };
}

/** A subject without reply/forward prefixes and our own ticket reference. */
export function cleanSubject(subject: string): string {
  let s = subject.replace(/\s*\[#\d{1,9}\]\s*/g, ' ').trim();
  for (;;) {
    const next = s.replace(/^(re|fw|fwd|aw|wg|sv|vs|tr)(\[\d+\])?\s*:\s*/i, '').trim();
    if (next === s) break;
    s = next;
  }
  return s.slice(0, 250) || '(no subject)';
}

import addressparser from 'nodemailer/lib/addressparser/index.js';

/** A person on a mail: a checked address in lower case, and a display name. */
export interface MailPerson {
  address: string;
  name: string;
}

/** Parsed address headers as mailparser gives them: used only for decoded display names. */
interface NamedAddresses {
  value: { address?: string; name?: string; group?: { address?: string; name?: string }[] }[];
}

const LOCAL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]{1,64}$/u;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/** An address a reply can go to: one @, a plain local part, a domain of valid labels. */
export function isMailAddress(address: string): boolean {
  if (address.length > 254) return false;
  const at = address.indexOf('@');
  if (at < 1 || at !== address.lastIndexOf('@')) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (!LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return false;
  const labels = domain.split('.');
  return domain.length <= 253 && labels.length >= 2 && labels.every((label) => LABEL.test(label));
}

const DELIMITERS = new Set([' ', '\t', ',', ';', '(', ')', '"']);

/** Whether `address` stands in the raw header value as a whole token, not as a fragment. */
function standsAlone(raw: string, address: string): boolean {
  const lower = raw.toLowerCase();
  if (lower.includes('<')) return lower.includes(`<${address}>`);
  let from = 0;
  for (;;) {
    const at = lower.indexOf(address, from);
    if (at === -1) return false;
    const before = at === 0 ? ' ' : lower[at - 1]!;
    const after = at + address.length >= lower.length ? ' ' : lower[at + address.length]!;
    if (DELIMITERS.has(before) && DELIMITERS.has(after)) return true;
    from = at + 1;
  }
}

/** The value of a raw header line (`Name: value`), unfolded. */
function headerValue(line: string): string {
  const colon = line.indexOf(':');
  return line
    .slice(colon + 1)
    .split(/\r?\n[ \t]*/)
    .join(' ')
    .trim();
}

/**
 * The people one address header names, in order, keeping only addresses that stand whole in
 * the header: `"Name" <power quadrant system@example.com>` names nobody, rather than a
 * `system@example.com` made from its last word.
 */
export function peopleIn(rawValue: string, decoded?: NamedAddresses): MailPerson[] {
  const names = new Map<string, string>();
  for (const entry of decoded?.value ?? []) {
    for (const person of entry.group ?? [entry]) {
      if (person.address && person.name) names.set(person.address.toLowerCase(), person.name);
    }
  }
  const out: MailPerson[] = [];
  for (const entry of addressparser(rawValue.slice(0, 16_384), { flatten: true })) {
    const address = (entry.address ?? '').trim().toLowerCase();
    if (!isMailAddress(address) || !standsAlone(rawValue, address)) continue;
    out.push({ address, name: cleanDisplayName(names.get(address) ?? entry.name ?? '') });
  }
  return out;
}

/** What the sender resolution reads of a parsed mail. */
export interface SenderSource {
  headerLines: readonly { key: string; line: string }[];
  from?: NamedAddresses | NamedAddresses[];
  replyTo?: NamedAddresses | NamedAddresses[];
}

const first = <T>(value: T | T[] | undefined): T | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * Who wrote a mail: the first valid address of the first From header that has one (mail with
 * several From headers exists), else of Reply-To, else of Sender. Null when none is usable.
 */
export function senderOf(mail: SenderSource): MailPerson | null {
  const decoded: Record<string, NamedAddresses | undefined> = {
    from: first(mail.from),
    'reply-to': first(mail.replyTo),
  };
  for (const key of ['from', 'reply-to', 'sender']) {
    for (const header of mail.headerLines) {
      if (header.key !== key) continue;
      const person = peopleIn(headerValue(header.line), decoded[key])[0];
      if (person) return person;
    }
  }
  return null;
}

/** The longest customer name the API takes; longer names from mail are cut, never stored whole. */
export const MAX_NAME = 160;

/** Control characters, zero-width and direction marks: nothing a name should carry. */
function isInvisible(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    code === 0xfeff
  );
}

/** A display name fit to store: no control characters, spaces collapsed, at most MAX_NAME characters. */
export function cleanDisplayName(name: string): string {
  const spaced = Array.from(name, (char) => (isInvisible(char) ? ' ' : char))
    .join('')
    .split(/\s+/)
    .join(' ')
    .trim();
  return Array.from(spaced).slice(0, MAX_NAME).join('').trim();
}

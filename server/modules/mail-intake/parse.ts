import { randomBytes } from 'node:crypto';
import { htmlToText } from 'html-to-text';
import { type AddressObject, simpleParser } from 'mailparser';
import { type NamedFile, nameMailFiles } from './parse.files';
import { mailBodyHtml } from './parse.html';
import { normalizeMail } from './parse.normalize';

/** The longest body text kept on a message; the whole mail stays in the original `.eml`. */
export const MAX_BODY = 100_000;
/** HTML longer than this is not turned into text (its text part, if any, is used). */
const MAX_HTML_FOR_TEXT = 2_000_000;

/**
 * Everything the intake needs of one mail, as plain data: it is worked out in a worker thread
 * and crosses to the main thread by structured clone.
 */
export interface ParsedInbound {
  headerLines: { key: string; line: string }[];
  from?: AddressObject;
  replyTo?: AddressObject;
  to?: AddressObject | AddressObject[];
  cc?: AddressObject | AddressObject[];
  subject: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** The body as plain text: the text part, or the HTML's text when the text part is empty. */
  text: string;
  html: string | null;
  /** Safe HTML to show, with inline pictures pointing at `cidToken(i)` until they are kept. */
  bodyHtml: string;
  /** Per-mail secret in the placeholder addresses of inline pictures. */
  cidNonce: string;
  files: NamedFile[];
  highPriority: boolean;
}

/** The placeholder an inline picture's address has until the file is kept. */
export const cidToken = (nonce: string, index: number) => `/api/v1/attachments/cid-${nonce}-${index}`;

/** Plain text from HTML, for mail that has no usable text part (previews and search read it). */
export function textFromHtml(html: string): string {
  if (html.length > MAX_HTML_FOR_TEXT) return '';
  try {
    return htmlToText(html, {
      wordwrap: false,
      limits: { maxInputLength: MAX_HTML_FOR_TEXT, maxDepth: 64, maxChildNodes: 10_000 },
      selectors: [
        { selector: 'img', format: 'skip' },
        { selector: 'a', options: { ignoreHref: true } },
        { selector: 'style', format: 'skip' },
        { selector: 'script', format: 'skip' },
      ],
    }).trim();
  } catch {
    return '';
  }
}

const list = (value: string | string[] | undefined): string[] =>
  Array.isArray(value) ? value : value ? [value] : [];

/** Parses a raw mail: repaired charsets and encodings, body text and safe HTML, named files. */
export async function parseInbound(raw: Buffer): Promise<ParsedInbound> {
  const repaired = await normalizeMail(raw).catch(() => raw);
  const parsed = await simpleParser(repaired, { skipTextToHtml: true, skipImageLinks: true });
  const html = parsed.html || null;
  const ownText = (parsed.text ?? '').trim();
  const text = (ownText || (html ? textFromHtml(html) : '')).slice(0, MAX_BODY).trim();
  const files = await nameMailFiles(parsed.attachments);
  const cidNonce = randomBytes(8).toString('hex');
  const cids = new Map(
    files.flatMap((f, i) => (f.contentId ? [[f.contentId, cidToken(cidNonce, i)] as const] : [])),
  );
  return {
    headerLines: parsed.headerLines.map((h) => ({ key: h.key, line: h.line })),
    from: parsed.from,
    replyTo: parsed.replyTo,
    to: parsed.to,
    cc: parsed.cc,
    subject: parsed.subject ?? '',
    messageId: parsed.messageId ?? null,
    inReplyTo: parsed.inReplyTo ?? null,
    references: list(parsed.references),
    text,
    html,
    bodyHtml: mailBodyHtml({ html, text: text || '(no text)' }, cids),
    cidNonce,
    files,
    highPriority: /^[12]\b/.test(parsed.headers.get('x-priority')?.toString() ?? ''),
  };
}

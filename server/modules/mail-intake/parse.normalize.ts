import type { Readable } from 'node:stream';
import { Splitter } from '@zone-eu/mailsplit';
import type MimeNode from '@zone-eu/mailsplit/lib/mime-node';
import type { SplitterChunk } from '@zone-eu/mailsplit/lib/types';
import iconv from 'iconv-lite';
import jschardet from 'jschardet';

/**
 * Repairs what mail clients get wrong before the message is parsed, so the parser reads text
 * instead of replacement characters:
 * - 8-bit headers and text bodies with no charset, or one that does not fit their bytes
 *   (GBK, Shift_JIS, windows-1252 and Latin-1 sent unlabelled), are detected and turned into
 *   UTF-8;
 * - `x-uuencode` parts are decoded and sent on as base64.
 * The stored `.eml` is never changed: this works on a copy for the parser.
 */

type Piece = { kind: 'node'; node: MimeNode; body: Buffer[] } | { kind: 'data'; value: Buffer };

const UNLABELLED = new Set(['', 'ascii', 'usascii', 'utf8', 'unknown8bit', 'xunknown', 'unknown']);
const LATIN = new Set(['iso88591', 'latin1', 'windows1252', 'cp1252', 'iso885915']);
const MULTIBYTE = new Set(['GB18030', 'GB2312', 'Big5', 'EUC-JP', 'SHIFT_JIS', 'CP932', 'EUC-KR', 'EUC-TW']);
const SINGLE_BYTE_SURE = new Set([
  'windows-1251',
  'KOI8-R',
  'ISO-8859-5',
  'ISO-8859-7',
  'windows-1253',
  'ISO-8859-8',
  'windows-1255',
  'TIS-620',
]);
const UUENCODED = new Set(['x-uuencode', 'uuencode', 'x-uue', 'uue']);

const squash = (charset: string | false) => (charset || '').toLowerCase().replace(/[^a-z0-9]/g, '');
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function isUtf8(bytes: Uint8Array): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

/**
 * The charset 8-bit text most likely is. Multibyte East Asian charsets are believed when the
 * detector is fairly sure; single-byte guesses are weak on short text, so only scripts that
 * are unmistakable win over windows-1252, the charset unlabelled Western mail is written in.
 */
export function guessCharset(sample: Uint8Array): string {
  const sampleBuffer = Buffer.from(sample.buffer, sample.byteOffset, Math.min(sample.byteLength, 64 * 1024));
  const best = jschardet.detect(sampleBuffer.toString('binary'));
  const name = best?.encoding ?? '';
  if (MULTIBYTE.has(name) && best.confidence >= 0.3 && iconv.encodingExists(name)) return name;
  if (SINGLE_BYTE_SURE.has(name) && best.confidence >= 0.5 && iconv.encodingExists(name)) return name;
  return 'windows-1252';
}

/** Decoded content of a node, then the same content to send on (in `encoding`). */
function decodeTransfer(node: MimeNode, body: Buffer[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const decoder = node.getDecoder();
    const out: Buffer[] = [];
    decoder.on('data', (chunk: Buffer) => out.push(chunk));
    decoder.on('end', () => resolve(Buffer.concat(out)));
    decoder.on('error', reject);
    for (const chunk of body) decoder.write(chunk);
    decoder.end();
  });
}

/** uuencoded lines to bytes: `begin`, then length-prefixed lines, then `end`. */
export function uudecode(text: string): { bytes: Buffer; filename: string | null } {
  const out: number[] = [];
  let filename: string | null = null;
  let started = false;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (!started) {
      if (line.startsWith('begin ')) {
        started = true;
        filename = line.split(' ').slice(2).join(' ').trim() || null;
      }
      continue;
    }
    if (line === 'end') break;
    if (line.length === 0) continue;
    const length = (line.charCodeAt(0) - 32) & 63;
    if (length === 0) continue;
    const bytes: number[] = [];
    for (let i = 1; i < line.length && bytes.length < length; i += 4) {
      const c = [0, 1, 2, 3].map((k) => ((line.charCodeAt(i + k) || 32) - 32) & 63);
      bytes.push(
        ((c[0]! << 2) | (c[1]! >> 4)) & 255,
        ((c[1]! << 4) | (c[2]! >> 2)) & 255,
        ((c[2]! << 6) | c[3]!) & 255,
      );
    }
    out.push(...bytes.slice(0, length));
  }
  return { bytes: Buffer.from(out), filename };
}

/** Bytes as a base64 body in lines of 76 characters. */
function base64Body(bytes: Buffer): Buffer {
  const encoded = bytes.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += 76) lines.push(encoded.slice(i, i + 76));
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

function split(raw: Buffer): Promise<Piece[]> {
  return new Promise((resolve, reject) => {
    const pieces: Piece[] = [];
    const splitter = new Splitter({ ignoreEmbedded: true });
    splitter.on('data', (item: SplitterChunk) => {
      if (item.type === 'node') pieces.push({ kind: 'node', node: item, body: [] });
      else if (item.type === 'body') {
        const last = pieces.at(-1);
        if (last?.kind === 'node') last.body.push(item.value);
      } else if (item.value) pieces.push({ kind: 'data', value: item.value });
    });
    const stream = splitter as unknown as Readable;
    stream.on('end', () => resolve(pieces));
    stream.on('error', reject);
    splitter.end(raw);
  });
}

/** Header lines with 8-bit bytes that are not UTF-8, re-written as UTF-8 from `charset`. */
function fixHeaderBytes(head: Buffer, charset: () => string): Buffer {
  if (!hasHighBytes(head) || isUtf8(head)) return head;
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= head.length; i += 1) {
    if (i === head.length || head[i] === 0x0a) {
      const line = head.subarray(start, Math.min(i + 1, head.length));
      lines.push(
        hasHighBytes(line) && !isUtf8(line) ? Buffer.from(iconv.decode(line, charset()), 'utf8') : line,
      );
      start = i + 1;
    }
  }
  return Buffer.concat(lines);
}

const isTextLeaf = (node: MimeNode) =>
  !node.multipart &&
  (node.contentType === 'text/plain' || node.contentType === 'text/html') &&
  node.disposition !== 'attachment';

/** What a text part's bytes really are, when its label is missing or wrong; null when it is right. */
function realCharset(node: MimeNode, content: Buffer, fallback: () => string): string | null {
  const label = squash(node.charset);
  if (!hasHighBytes(content)) return null;
  const valid = isUtf8(content);
  if (UNLABELLED.has(label)) return valid ? (label === 'utf8' ? null : 'utf-8') : fallback();
  if (LATIN.has(label) && valid) return 'utf-8';
  if (!iconv.encodingExists(node.charset || '')) return valid ? 'utf-8' : fallback();
  return null;
}

/** A quoted-printable escape of a byte of 0x80 or more (`=E9`), which can decode to 8-bit text. */
function hasHighEscape(lower: string): boolean {
  for (let at = lower.indexOf('='); at !== -1; at = lower.indexOf('=', at + 1)) {
    const high = lower[at + 1];
    const low = lower[at + 2] ?? '';
    if (high && '89abcdef'.includes(high) && low !== '' && '0123456789abcdef'.includes(low)) return true;
  }
  return false;
}

/**
 * Whether a message could carry anything to repair: 8-bit bytes, quoted-printable escapes of
 * 8-bit bytes, base64 parts (which can decode to 8-bit text) or uuencoded ones. Most mail is
 * 7-bit text and skips the second MIME walk. Linear in the size of the message.
 */
function mayNeedRepair(raw: Buffer): boolean {
  if (hasHighBytes(raw)) return true;
  const text = raw.toString('latin1').toLowerCase();
  return text.includes('base64') || text.includes('uue') || hasHighEscape(text);
}

/**
 * The message, with 8-bit text made UTF-8 and uuencoded parts made base64; the same bytes
 * when nothing needed repair. Linear in the size of the message.
 */
export async function normalizeMail(raw: Buffer): Promise<Buffer> {
  if (!mayNeedRepair(raw)) return raw;
  const pieces = await split(raw);
  const eightBit = pieces.flatMap((p) => (p.kind === 'node' ? [p.node.getHeaders(), ...p.body] : []));
  let detected: string | null = null;
  const charset = () => {
    detected ??= guessCharset(Buffer.concat(eightBit.filter(hasHighBytes)));
    return detected;
  };
  let changed = false;
  const out: Buffer[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'data') {
      out.push(piece.value);
      continue;
    }
    const { node } = piece;
    let body = piece.body;
    const encoding = squash(node.encoding).replace(/^x/, 'x-');
    if (UUENCODED.has((node.encoding || '').toLowerCase()) || encoding === 'x-uuencode') {
      const decoded = uudecode(Buffer.concat(body).toString('latin1'));
      if (!node.filename && decoded.filename) node.setFilename(decoded.filename);
      if (node.contentType === 'text/plain' && decoded.filename)
        node.setContentType('application/octet-stream');
      node.getEncoder('base64');
      body = [base64Body(decoded.bytes)];
      changed = true;
    } else if (isTextLeaf(node)) {
      const content = await decodeTransfer(node, body);
      const real = realCharset(node, content, charset);
      if (real) {
        const text = real === 'utf-8' ? content.toString('utf8') : iconv.decode(content, real);
        node.setCharset('utf-8');
        node.getEncoder('base64');
        body = [base64Body(Buffer.from(text, 'utf8'))];
        changed = true;
      }
    }
    const head = node.getHeaders();
    const fixed = fixHeaderBytes(head, charset);
    if (fixed !== head) changed = true;
    out.push(fixed, ...body);
  }
  return changed ? Buffer.concat(out) : raw;
}

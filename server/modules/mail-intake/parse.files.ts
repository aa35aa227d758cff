import { fileTypeFromBuffer } from 'file-type';
import libmime from 'libmime';
import { headerEnd, headerLines } from './parse.headers';

/** A file as it came in a mail, before it is kept. */
export interface MailFile {
  filename?: string | undefined;
  contentType: string;
  content: Uint8Array;
  contentId?: string | undefined;
  related?: boolean | undefined;
}

/** A received file with a name people can read and a type checked against its content. */
export interface NamedFile {
  filename: string;
  contentType: string;
  content: Uint8Array;
  /** The Content-ID an inline picture is referenced by in the HTML, without brackets. */
  contentId: string | null;
}

/** Names mail clients use for a type, and the one we keep. */
const aliases: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/jpe': 'image/jpeg',
  'image/x-citrix-jpeg': 'image/jpeg',
  'image/x-png': 'image/png',
  'image/x-citrix-png': 'image/png',
  'application/x-pdf': 'application/pdf',
  'application/acrobat': 'application/pdf',
  'text/x-csv': 'text/csv',
  'application/csv': 'text/csv',
  'application/x-zip-compressed': 'application/zip',
  'application/x-zip': 'application/zip',
  'application/vnd.ms-tnef': 'application/ms-tnef',
  'application/x-pkcs7-signature': 'application/pkcs7-signature',
  'application/x-pkcs7-mime': 'application/pkcs7-mime',
  'application/ics': 'text/calendar',
  'text/x-vcalendar': 'text/calendar',
};

/** Types told by the file name, for files labelled only `application/octet-stream`. */
const byExtension: Record<string, string> = {
  txt: 'text/plain',
  csv: 'text/csv',
  pdf: 'application/pdf',
  ics: 'text/calendar',
  eml: 'message/rfc822',
  p7s: 'application/pkcs7-signature',
  p7m: 'application/pkcs7-mime',
  asc: 'application/pgp-encrypted',
  pgp: 'application/pgp-encrypted',
  gpg: 'application/pgp-encrypted',
  sig: 'application/pgp-signature',
  dat: 'application/octet-stream',
};

const extensions: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'text/calendar': 'ics',
  'message/rfc822': 'eml',
  'application/pkcs7-signature': 'p7s',
  'application/pkcs7-mime': 'p7m',
  'application/pgp-signature': 'asc',
  'application/pgp-encrypted': 'asc',
  'application/ms-tnef': 'dat',
  'application/zip': 'zip',
};

/** Contents whose sniffed type outranks the label: a `.jpg` that is a program is a program. */
const trustSniffed = (mime: string) =>
  !mime.startsWith('text/') && mime !== 'application/xml' && mime !== 'application/octet-stream';

export function normalizeType(label: string): string {
  const bare = label.split(';')[0]!.trim().toLowerCase();
  return aliases[bare] ?? bare;
}

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
}

/** The type of a file: the content's own signature when it has one, else its (normalised) label. */
export async function checkedType(label: string, filename: string, content: Uint8Array): Promise<string> {
  const labelled = normalizeType(label || 'application/octet-stream');
  if (filename.toLowerCase() === 'winmail.dat') return 'application/ms-tnef';
  const sniffed = await fileTypeFromBuffer(content.subarray(0, 64 * 1024)).catch(() => undefined);
  if (sniffed && trustSniffed(sniffed.mime)) return normalizeType(sniffed.mime);
  if (labelled === 'application/octet-stream') return byExtension[extensionOf(filename)] ?? labelled;
  return labelled;
}

/** The Subject of an attached message, decoded enough to name its file. */
function subjectOf(message: Uint8Array): string {
  const buffer = Buffer.from(message.buffer, message.byteOffset, Math.min(message.byteLength, 64 * 1024));
  const subject = headerLines(buffer.subarray(0, headerEnd(buffer).head).toString('utf8')).find(
    ([name]) => name === 'subject',
  )?.[1];
  return libmime.decodeWords((subject ?? '').slice(0, 1000)).trim();
}

/** A name for a file that came without one: what it is, numbered, with the right extension. */
function nameFor(file: MailFile, type: string, index: number): string {
  const ext = extensions[type] ?? 'bin';
  if (type === 'message/rfc822') {
    const subject = subjectOf(file.content).slice(0, 100);
    return `${subject || `Attached message ${index}`}.eml`;
  }
  if (type.startsWith('image/'))
    return `${file.contentId || file.related ? 'inline-image' : 'image'}-${index}.${ext}`;
  if (type === 'text/calendar') return `invitation-${index}.ics`;
  return `attachment-${index}.${ext}`;
}

/** The files of a mail with checked types and meaningful names. */
export async function nameMailFiles(files: MailFile[]): Promise<NamedFile[]> {
  const out: NamedFile[] = [];
  for (const [i, file] of files.entries()) {
    const given = (file.filename ?? '').trim();
    const contentType = await checkedType(file.contentType, given, file.content);
    out.push({
      filename: given || nameFor(file, contentType, i + 1),
      contentType,
      content: file.content,
      contentId: file.contentId ? file.contentId.replace(/^<|>$/g, '').toLowerCase() : null,
    });
  }
  return out;
}

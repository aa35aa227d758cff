/** What may be attached: documents and pictures people send to a help desk, nothing executable. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const allowedTypes = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'message/rfc822',
  'application/zip',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
]);

/**
 * Files that only arrive with mail and are kept for download: signatures and encrypted parts,
 * Outlook's winmail.dat and calendar invitations. Staff cannot upload them.
 */
const mailOnlyTypes = new Set([
  'application/pkcs7-signature',
  'application/pkcs7-mime',
  'application/pgp-signature',
  'application/pgp-encrypted',
  'application/pgp-keys',
  'application/ms-tnef',
  'text/calendar',
]);

const refusedExtensions = /\.(exe|com|bat|cmd|msi|scr|ps1|vbs|js|mjs|jar|sh|app|dll|html?|svg|xhtml|php)$/i;

/** Images that are shown in the page; everything else is downloaded. */
export const inlineTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Where a file comes from: mail brings a few more kinds than people upload. */
export type FileOrigin = 'upload' | 'mail';

export function attachmentProblem(
  filename: string,
  contentType: string,
  origin: FileOrigin = 'upload',
): string | null {
  if (refusedExtensions.test(filename))
    return `Files like ${filename} can carry programs and are not accepted`;
  const type = contentType.toLowerCase();
  if (origin === 'mail' && mailOnlyTypes.has(type)) return null;
  if (!allowedTypes.has(type))
    return `The file type ${contentType} is not accepted; send a PDF, picture, text or office document`;
  return null;
}

/** A file name safe to store and to put in a header. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = base
    .replace(/[^\p{L}\p{N}._ -]/gu, '_')
    .trim()
    .slice(0, 200);
  return cleaned || 'file';
}

import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Transporter } from 'nodemailer';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { type DeliveryHooks, transportFromUrl } from '../../platform/mail/outbox';
import { filesByIds } from '../attachments';
import { mailboxesRepository as repo } from './mailboxes.repository';
import { attachmentCid } from './outbound';

/**
 * How queued mail leaves: through the mailbox's own SMTP server when it has one, else SMTP_URL
 * (else it is logged); with the files of the reply. A permanent failure goes to `onPermanentFailure`
 * (the registry passes the notifications module's, which tells the agent).
 */
export function deliveryHooks(
  db: Db,
  config: Config,
  log: FastifyBaseLogger,
  onPermanentFailure: DeliveryHooks['onPermanentFailure'],
) {
  const transports = new Map<string, Transporter>();
  const transport = (url: string | null) => {
    if (!url) return null;
    let found = transports.get(url);
    if (!found) {
      found = transportFromUrl(url)!;
      transports.set(url, found);
    }
    return found;
  };
  const hooks: DeliveryHooks = {
    defaultFrom: config.mail.from,
    log,
    async transportFor(mail) {
      const own = mail.mailbox_id ? (await repo.smtpUrlOf(db, mail.mailbox_id))?.smtp_url : null;
      return transport(own ?? config.mail.smtpUrl);
    },
    async attachmentsFor(mail) {
      const ids = mail.attachment_ids ? (JSON.parse(mail.attachment_ids) as number[]) : [];
      const files = await filesByIds(db, ids);
      return files.map((f) => ({
        cid: attachmentCid(f.id),
        filename: f.filename,
        contentType: f.content_type,
        path: path.join(config.dataDir, 'attachments', f.storage_key),
      }));
    },
    onPermanentFailure,
  };
  const close = () => {
    for (const t of transports.values()) t.close();
  };
  return { hooks, close };
}

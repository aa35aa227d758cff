import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db, DbOrTrx } from '../../db/database';
import { addMinutes, nowIso } from '../clock';
import { type OutboxRow, outboxRepository as repo } from './outbox.repository';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** Message-ID, In-Reply-To, References, Auto-Submitted … */
  headers?: Record<string, string>;
  ticketId?: number | null;
  from?: { address: string; name: string } | null;
  cc?: string[];
  mailboxId?: number | null;
  /** The ticket message this mail carries; its delivery is shown on the ticket. */
  messageRowId?: number | null;
  attachmentIds?: number[];
  kind?: string;
}

/** Queues a mail in the same transaction as the change that causes it; a job delivers it. */
export async function enqueueMail(db: DbOrTrx, mail: OutgoingMail): Promise<number> {
  return repo.enqueue(
    db,
    {
      to_address: mail.to,
      subject: mail.subject.slice(0, 300),
      text_body: mail.text,
      html_body: mail.html ?? null,
      headers: JSON.stringify(mail.headers ?? {}),
      ticket_id: mail.ticketId ?? null,
      from_address: mail.from?.address ?? null,
      from_name: mail.from?.name ?? null,
      cc: mail.cc && mail.cc.length > 0 ? JSON.stringify(mail.cc) : null,
      mailbox_id: mail.mailboxId ?? null,
      message_row_id: mail.messageRowId ?? null,
      attachment_ids:
        mail.attachmentIds && mail.attachmentIds.length > 0 ? JSON.stringify(mail.attachmentIds) : null,
      kind: mail.kind ?? null,
    },
    nowIso(),
  );
}

/** Minutes to wait before attempt n+1: 1, 5, 15, 60, 240; after that the mail has failed. */
export const RETRY_MINUTES = [1, 5, 15, 60, 240];

export function transportFromUrl(url: string | null): Transporter | null {
  return url ? nodemailer.createTransport(url) : null;
}

/** What delivery needs from the modules: where to send from, through which server, with which files. */
export interface DeliveryHooks {
  defaultFrom: string;
  /** null: no server configured, the mail is logged instead (development and demos). */
  transportFor(mail: OutboxRow): Promise<Transporter | null>;
  attachmentsFor(mail: OutboxRow): Promise<{ filename: string; path: string; contentType: string }[]>;
  onPermanentFailure(mail: OutboxRow, error: string): Promise<void>;
  log: FastifyBaseLogger;
}

/** Temporary problems (4xx, connection trouble) are retried; a 5xx answer from the server is final. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function sendOptions(mail: OutboxRow, defaultFrom: string) {
  const {
    'Message-ID': messageId,
    'In-Reply-To': inReplyTo,
    References: references,
    ...headers
  } = JSON.parse(mail.headers) as Record<string, string>;
  return {
    from: mail.from_address ? { name: mail.from_name ?? '', address: mail.from_address } : defaultFrom,
    to: mail.to_address,
    cc: mail.cc ? (JSON.parse(mail.cc) as string[]) : undefined,
    subject: mail.subject,
    text: mail.text_body,
    html: mail.html_body ?? undefined,
    messageId,
    inReplyTo,
    references,
    headers,
  };
}

/** Sends due mail; failures wait 1, 5, 15, 60 and 240 minutes, then count as permanent. */
export async function deliverDueMail(db: Db, hooks: DeliveryHooks): Promise<number> {
  const now = nowIso();
  await repo.requeueStale(db, addMinutes(now, -10));
  const due = await db.transaction().execute((trx) => repo.claimDue(trx, now, 20));
  for (const mail of due) {
    try {
      const transport = await hooks.transportFor(mail);
      if (transport) {
        await transport.sendMail({
          ...sendOptions(mail, hooks.defaultFrom),
          attachments: await hooks.attachmentsFor(mail),
        });
      } else {
        hooks.log.info(
          { to: mail.to_address, subject: mail.subject, text: mail.text_body },
          'mail (no SMTP_URL set: logged, not sent)',
        );
      }
      await repo.markSent(db, mail.id, nowIso());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const wait = isPermanent(error) ? undefined : RETRY_MINUTES[mail.attempts];
      await repo.markFailed(db, mail.id, message, wait ? addMinutes(nowIso(), wait) : null);
      if (!wait) await hooks.onPermanentFailure(mail, message);
      hooks.log.warn({ err: error, mailId: mail.id }, 'mail delivery failed');
    }
  }
  return due.length;
}

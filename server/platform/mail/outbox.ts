import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config';
import type { Db, DbOrTrx } from '../../db/database';
import { addMinutes, nowIso } from '../clock';
import { outboxRepository as repo } from './outbox.repository';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  headers?: Record<string, string>;
  ticketId?: number | null;
}

/** Queues a mail in the same transaction as the change that causes it; a job delivers it. */
export async function enqueueMail(db: DbOrTrx, mail: OutgoingMail): Promise<number> {
  return repo.enqueue(
    db,
    {
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      headers: JSON.stringify(mail.headers ?? {}),
      ticket_id: mail.ticketId ?? null,
    },
    nowIso(),
  );
}

/** Minutes to wait before attempt n+1: 1, 5, 15, 60, 240; after that the mail has failed. */
export const RETRY_MINUTES = [1, 5, 15, 60, 240];

export function createTransport(config: Config): Transporter | null {
  return config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : null;
}

/**
 * Sends due mail. Without SMTP_URL, mail is written to the log instead (development and
 * demos), so a sign-in link can still be followed.
 */
export async function deliverDueMail(
  db: Db,
  config: Config,
  transport: Transporter | null,
  log: FastifyBaseLogger,
): Promise<number> {
  const now = nowIso();
  await repo.requeueStale(db, addMinutes(now, -10));
  const due = await db.transaction().execute((trx) => repo.claimDue(trx, now, 20));
  for (const mail of due) {
    try {
      if (transport) {
        await transport.sendMail({
          from: config.mail.from,
          to: mail.to_address,
          subject: mail.subject,
          text: mail.text_body,
          html: mail.html_body ?? undefined,
          headers: JSON.parse(mail.headers) as Record<string, string>,
        });
      } else {
        log.info(
          { to: mail.to_address, subject: mail.subject, text: mail.text_body },
          'mail (no SMTP_URL set: logged, not sent)',
        );
      }
      await repo.markSent(db, mail.id, nowIso());
    } catch (error) {
      const wait = RETRY_MINUTES[mail.attempts];
      await repo.markFailed(
        db,
        mail.id,
        error instanceof Error ? error.message : String(error),
        wait ? addMinutes(nowIso(), wait) : null,
      );
      log.warn({ err: error, mailId: mail.id }, 'mail delivery failed');
    }
  }
  return due.length;
}

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db, DbOrTrx } from '../../db/database';
import { addMinutes, nowIso } from '../clock';
import { clearJobFailure, dueJobFailures, recordJobFailure } from '../job-failures';
import { reportMetric } from '../metric-events';
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
  /** Hidden copies: in the envelope, never in the headers. */
  bcc?: string[];
  mailboxId?: number | null;
  /** The ticket message this mail carries; its delivery is shown on the ticket. */
  messageRowId?: number | null;
  attachmentIds?: number[];
  /** Files built for this mail (a report's CSV), kept in the outbox row until it is sent. */
  files?: MailFile[];
  kind?: string;
}

/** A file made for one mail; `content` is the text of the file (UTF-8). */
export interface MailFile {
  filename: string;
  contentType: string;
  content: string;
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
      bcc: mail.bcc && mail.bcc.length > 0 ? JSON.stringify(mail.bcc) : null,
      mailbox_id: mail.mailboxId ?? null,
      message_row_id: mail.messageRowId ?? null,
      attachment_ids:
        mail.attachmentIds && mail.attachmentIds.length > 0 ? JSON.stringify(mail.attachmentIds) : null,
      kind: mail.kind ?? null,
      files: mail.files && mail.files.length > 0 ? JSON.stringify(mail.files) : null,
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
  /** The mail's files; `cid` lets its HTML show a picture in place. */
  attachmentsFor(
    mail: OutboxRow,
  ): Promise<{ filename: string; path: string; contentType: string; cid?: string }[]>;
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
    bcc: mail.bcc ? (JSON.parse(mail.bcc) as string[]) : undefined,
    subject: mail.subject,
    text: mail.text_body,
    html: mail.html_body ?? undefined,
    messageId,
    inReplyTo,
    references,
    headers,
  };
}

/** The outbox's name among background jobs (its dead letters). */
export const MAIL_JOB = 'mail';
/** A claim older than this is taken back: its sender is gone. Sending one mail never takes this long. */
export const CLAIM_LEASE_MINUTES = 10;
/** Who claims mail from this process. */
export const PROCESS_OWNER = `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;

/** An admin's retry of failed mail puts it back in the queue with fresh attempts. */
async function requeueRetried(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const item of await dueJobFailures(trx, MAIL_JOB, 50)) {
      await repo.requeueFailed(trx, Number(item.item_key), nowIso());
      await clearJobFailure(trx, MAIL_JOB, item.item_key);
    }
  });
}

/** The files built for a mail, as the mailer takes them. */
export function filesOf(mail: Pick<OutboxRow, 'files'>): MailFile[] {
  return mail.files ? (JSON.parse(mail.files) as MailFile[]) : [];
}

/** Sends one claimed mail, or writes it to the log when no server is configured. */
async function sendOne(mail: OutboxRow, hooks: DeliveryHooks): Promise<'sent' | 'logged'> {
  const transport = await hooks.transportFor(mail);
  if (!transport) {
    hooks.log.info(
      { to: mail.to_address, subject: mail.subject, text: mail.text_body },
      'mail (no SMTP_URL set: logged, not sent)',
    );
    return 'logged';
  }
  await transport.sendMail({
    ...sendOptions(mail, hooks.defaultFrom),
    attachments: [...(await hooks.attachmentsFor(mail)), ...filesOf(mail)],
  });
  return 'sent';
}

/** A failed attempt: waits for the next one, or fails for good and becomes a dead letter. */
async function failOne(db: Db, mail: OutboxRow, hooks: DeliveryHooks, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const wait = isPermanent(error) ? undefined : RETRY_MINUTES[mail.attempts];
  hooks.log.warn({ err: error, mailId: mail.id }, 'mail delivery failed');
  reportMetric({ type: 'mail.failed', final: !wait });
  if (!(await repo.markFailed(db, mail, message, wait ? addMinutes(nowIso(), wait) : null))) return;
  if (wait) return;
  const item = { job: MAIL_JOB, key: String(mail.id), label: `Mail to ${mail.to_address}: ${mail.subject}` };
  await recordJobFailure(db, item, message, { final: true, attempts: mail.attempts + 1 });
  await hooks.onPermanentFailure(mail, message);
}

/**
 * Sends due mail, each mail once: a claim carries its time and owner, only claims older than
 * the lease are taken back, and a mail is marked sent or failed only while the claim is still
 * ours. Failures wait 1, 5, 15, 60 and 240 minutes, then the mail fails for good and is kept
 * as a dead letter an admin can retry.
 */
export async function deliverDueMail(db: Db, hooks: DeliveryHooks, owner = PROCESS_OWNER): Promise<number> {
  await requeueRetried(db);
  const now = nowIso();
  const claim = { owner, now, staleBefore: addMinutes(now, -CLAIM_LEASE_MINUTES) };
  const due = await db.transaction().execute((trx) => repo.claimDue(trx, claim, 20));
  for (const mail of due) {
    try {
      const status = await sendOne(mail, hooks);
      reportMetric({ type: 'mail.sent', transport: status === 'sent' ? 'smtp' : 'log' });
      if (!(await repo.markSent(db, mail, status, nowIso())))
        hooks.log.warn({ mailId: mail.id }, 'mail sent after its claim was taken back');
    } catch (error) {
      await failOne(db, mail, hooks, error).catch((e: unknown) =>
        hooks.log.error({ err: e, mailId: mail.id }, 'recording a failed delivery failed'),
      );
    }
  }
  return due.length;
}

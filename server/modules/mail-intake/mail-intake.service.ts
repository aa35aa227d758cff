import type { z } from 'zod';
import type { InboundMail, listInboundQuery } from '../../../contracts/mail';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { cursorId, encodeCursor } from '../../platform/pagination';
import { loadConversation, loadTicket } from '../tickets';
import { type InboundListRow, inboundRepository as repo } from './mail-intake.repository';

function toInboundMail(row: InboundListRow): InboundMail {
  return {
    id: row.id,
    mailbox: row.mailbox_id && row.mailbox_name ? { id: row.mailbox_id, name: row.mailbox_name } : null,
    source: row.source,
    envelopeFrom: row.envelope_from,
    recipients: JSON.parse(row.recipients) as string[],
    messageId: row.message_id,
    sender: row.sender,
    subject: row.subject,
    size: row.size,
    status: row.status,
    reason: row.reason,
    attempts: row.attempts,
    ticketId: row.ticket_id,
    receivedAt: row.received_at,
    processedAt: row.processed_at,
    originalUrl: `/api/v1/inbound-mail/${row.id}/original`,
  };
}

const mailNotFound = (id: number) => notFound('MAIL_NOT_FOUND', `Received mail ${id}`);

/** Received mail for admins: failed, spam and ignored mail to review, retry or release. */
/** Received mail kept but not yet turned into tickets or replies (the metrics gauge). */
export async function inboundWaiting(db: DbOrTrx): Promise<number> {
  return (await repo.countByStatus(db)).queued;
}

export function inboundService({ db }: AppDeps, kick: () => void) {
  async function load(id: number) {
    const row = await repo.findById(db, id);
    if (!row) throw mailNotFound(id);
    return row;
  }

  return {
    async list(ctx: RequestContext, query: z.output<typeof listInboundQuery>) {
      authorize(ctx.actor, 'channels.manage');
      const rows = await repo.list(db, query, cursorId(query.cursor));
      const more = rows.length > query.limit;
      const page = more ? rows.slice(0, query.limit) : rows;
      return {
        data: page.map(toInboundMail),
        nextCursor: more ? encodeCursor([page.at(-1)!.id]) : null,
        counts: await repo.countByStatus(db),
      };
    },

    async get(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'channels.manage');
      return toInboundMail(await load(id));
    },

    async original(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'channels.manage');
      const raw = await repo.raw(db, id);
      if (!raw) throw mailNotFound(id);
      return raw;
    },

    /**
     * Processes a failed, spam or ignored mail again. Spam and ignored mail is released: the
     * spam rules and loop guard no longer hold it back.
     */
    async retry(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'channels.manage');
      const mail = await db.transaction().execute(async (trx) => {
        const row = await repo.lockById(trx, id);
        if (!row) throw mailNotFound(id);
        if (row.status === 'queued' || row.status === 'processed') {
          throw new AppError(
            'MAIL_NOT_RETRYABLE',
            `This mail is ${row.status}; only failed, spam or ignored mail can be retried`,
          );
        }
        await repo.requeue(trx, id, row.status !== 'failed');
        await recordAudit(trx, ctx, {
          action: 'inbound_mail.retried',
          entityType: 'inbound_mail',
          entityId: id,
          changes: { status: { before: row.status, after: 'queued' } },
        });
        return toInboundMail((await repo.findById(trx, id))!);
      });
      kick();
      return mail;
    },

    async remove(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'channels.manage');
      await db.transaction().execute(async (trx) => {
        const row = await repo.findById(trx, id);
        if (!row) throw mailNotFound(id);
        if (row.status === 'processed' || row.status === 'queued') {
          throw new AppError(
            'MAIL_NOT_RETRYABLE',
            'Processed mail is kept with its ticket and cannot be deleted here',
          );
        }
        await repo.remove(trx, id);
        await recordAudit(trx, ctx, {
          action: 'inbound_mail.deleted',
          entityType: 'inbound_mail',
          entityId: id,
          before: { sender: row.sender, subject: row.subject, status: row.status, reason: row.reason },
        });
      });
    },

    /** The .eml a ticket message came from, for staff who can read the ticket. */
    async originalOfMessage(ctx: RequestContext, ticketId: number, messageId: number) {
      authorize(ctx.actor, 'tickets.read');
      await loadTicket(db, ticketId);
      const message = (await loadConversation(db, ticketId, false)).find((m) => m.id === messageId);
      const inboundId = message?.meta.inboundMailId;
      const raw = typeof inboundId === 'number' ? await repo.raw(db, inboundId) : null;
      if (!raw) throw notFound('MAIL_NOT_FOUND', `The original mail of message ${messageId}`);
      return raw;
    },
  };
}

export type InboundService = ReturnType<typeof inboundService>;

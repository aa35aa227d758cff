import type { z } from 'zod';
import type {
  replySideConversationBody,
  SideConversation,
  startSideConversationBody,
} from '../../../contracts/side-conversations';
import type { Config } from '../../config';
import type { DbOrTrx } from '../../db/database';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import { randomToken } from '../../platform/crypto';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { enqueueMail } from '../../platform/mail/outbox';
import { mailboxAddressExists, mailboxOfTicket } from '../mailboxes';
import { loadTicket } from '../tickets';
import {
  sideConversationsRepository as repo,
  type SideConversationRow,
  type SideMessageRow,
} from './side-conversations.repository';

type StartBody = z.output<typeof startSideConversationBody>;
type ReplyBody = z.output<typeof replySideConversationBody>;

const conversationNotFound = (id: number) =>
  notFound('SIDE_CONVERSATION_NOT_FOUND', `Side conversation #${id}`);

const invalidTo = (message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path: ['to'], message }]);

function toSideConversation(row: SideConversationRow, messages: SideMessageRow[]): SideConversation {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    subject: row.subject,
    to: JSON.parse(row.recipients) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    messages: messages.map((m) => ({
      id: m.id,
      direction: m.direction,
      author: { userId: m.author_user_id, name: m.author_name },
      from: m.from_address,
      body: m.body,
      createdAt: m.created_at,
    })),
  };
}

async function loadOne(db: DbOrTrx, row: SideConversationRow): Promise<SideConversation> {
  return toSideConversation(row, await repo.messagesOf(db, [row.id]));
}

const domainOf = (address: string) => address.split('@')[1]?.replace(/>$/, '') || 'steward.invalid';

/**
 * Mails the third party an agent's message, threaded under the conversation's earlier mail
 * (In-Reply-To, References), through the durable outbox, and keeps it with its Message-ID.
 * The Message-ID is kept only here, never among the ticket's: a reply finds the side
 * conversation, never the customer's thread.
 */
async function sendMessage(
  db: DbOrTrx,
  config: Config,
  ctx: RequestContext,
  conversation: SideConversationRow,
  body: string,
): Promise<void> {
  const mailbox = await mailboxOfTicket(db, conversation.ticket_id);
  const fromAddress = mailbox?.address ?? config.mail.from;
  const messageId = `${randomToken(12).toLowerCase()}.side${conversation.id}@${domainOf(fromAddress)}`;
  const thread = await repo.threadIds(db, conversation.id);
  const headers: Record<string, string> = { 'Message-ID': `<${messageId}>` };
  if (thread.length > 0) {
    headers['In-Reply-To'] = `<${thread.at(-1)}>`;
    headers.References = thread.map((id) => `<${id}>`).join(' ');
  }
  const [to, ...cc] = JSON.parse(conversation.recipients) as string[];
  const now = nowIso();
  const outboxId = await enqueueMail(db, {
    to: to!,
    cc,
    subject: thread.length > 0 ? `Re: ${conversation.subject}` : conversation.subject,
    text: body,
    headers,
    ticketId: conversation.ticket_id,
    from: mailbox ? { address: mailbox.address, name: mailbox.display_name } : null,
    mailboxId: mailbox?.id ?? null,
    kind: 'side_conversation',
  });
  await repo.insertMessage(db, {
    side_conversation_id: conversation.id,
    direction: 'out',
    author_user_id: ctx.actor.type === 'user' && ctx.actor.id > 0 ? ctx.actor.id : null,
    author_name: ctx.actor.name,
    from_address: fromAddress,
    body,
    message_id: messageId,
    outbox_id: outboxId,
    created_at: now,
  });
}

/** Side conversations for staff: list a ticket's, start one, reply in one. */
export function sideConversationsService({ db, config, live }: AppDeps) {
  /** Other agents on the ticket see the change; no `publicFor`, so the customer's channel is told nothing. */
  const tellStaff = (conversation: SideConversation) => {
    live.publish({ type: 'ticket.changed', ticketId: conversation.ticketId, version: null });
    return conversation;
  };
  return {
    async list(ctx: RequestContext, ticketId: number): Promise<{ items: SideConversation[] }> {
      authorize(ctx.actor, 'tickets.read');
      await loadTicket(db, ticketId);
      const rows = await repo.listOfTicket(db, ticketId);
      const messages = await repo.messagesOf(
        db,
        rows.map((r) => r.id),
      );
      const byConversation = new Map<number, SideMessageRow[]>();
      for (const m of messages) {
        const list = byConversation.get(m.side_conversation_id) ?? [];
        list.push(m);
        byConversation.set(m.side_conversation_id, list);
      }
      return { items: rows.map((r) => toSideConversation(r, byConversation.get(r.id) ?? [])) };
    },

    async start(ctx: RequestContext, ticketId: number, input: StartBody): Promise<SideConversation> {
      authorize(ctx.actor, 'tickets.write');
      const to = [...new Set(input.to)];
      const started = await db.transaction().execute(async (trx) => {
        const ticket = await loadTicket(trx, ticketId);
        for (const address of to) {
          if (address === ticket.requester.email)
            throw invalidTo(`${address} is the customer: a side conversation is with a third party`);
          if (await mailboxAddressExists(trx, address)) throw invalidTo(`${address} is one of our mailboxes`);
        }
        const now = nowIso();
        const id = await repo.insert(trx, {
          ticket_id: ticketId,
          subject: input.subject,
          recipients: JSON.stringify(to),
          created_by_user_id: ctx.actor.type === 'user' && ctx.actor.id > 0 ? ctx.actor.id : null,
          created_at: now,
          updated_at: now,
        });
        const row = (await repo.findById(trx, id))!;
        await sendMessage(trx, config, ctx, row, input.body);
        return loadOne(trx, row);
      });
      return tellStaff(started);
    },

    async reply(ctx: RequestContext, conversationId: number, input: ReplyBody): Promise<SideConversation> {
      authorize(ctx.actor, 'tickets.write');
      const replied = await db.transaction().execute(async (trx) => {
        const row = await repo.findById(trx, conversationId);
        if (!row) throw conversationNotFound(conversationId);
        await sendMessage(trx, config, ctx, row, input.body);
        return loadOne(trx, (await repo.findById(trx, conversationId))!);
      });
      return tellStaff(replied);
    },
  };
}

export type SideConversationsService = ReturnType<typeof sideConversationsService>;

/** The side conversation a received mail answers, by the Message-IDs it names (In-Reply-To, References). */
export function sideConversationOfMessageIds(db: DbOrTrx, ids: string[]) {
  return repo.conversationOfMessageIds(db, ids);
}

/**
 * Keeps the third party's reply in its side conversation. False when the same mail (its
 * Message-ID) was kept already.
 */
export function receiveSideReply(
  db: DbOrTrx,
  conversationId: number,
  reply: { from: string; name: string; body: string; messageId: string; receivedAt: string },
): Promise<boolean> {
  return repo.insertMessage(db, {
    side_conversation_id: conversationId,
    direction: 'in',
    author_user_id: null,
    author_name: reply.name || reply.from,
    from_address: reply.from,
    body: reply.body,
    message_id: reply.messageId,
    outbox_id: null,
    created_at: reply.receivedAt,
  });
}

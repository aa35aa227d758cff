import type { AgentChannel, Ticket } from '../../../contracts/tickets';
import type { MessageKind } from '../../db/schema';
import type { TicketEventInput } from './events.repository';

// The times a ticket keeps from its conversation, by one definition wherever a message is added
// and when conversations are merged:
// - first reply: the first public answer of an agent after the customer first wrote;
// - last customer message: when the customer last wrote;
// - waiting since: the customer's oldest message after the last answer (null when answered).
// A public answer is a reply, or a call, visit or other contact an agent logged. Automatic mail
// from the customer's side (out of office) is not the customer writing.

const ANSWER_KINDS: readonly MessageKind[] = ['reply', 'call', 'visit', 'contact'];

export const isAnswer = (kind: MessageKind) => ANSWER_KINDS.includes(kind);

/** Mail marked automatic on the way in (auto-replies, out of office). */
export const isAutomatic = (meta: Record<string, unknown> | undefined) => meta?.automated === true;

/** The message an agent's first message on a ticket becomes, by the channel they chose. */
export const agentMessageKind: Record<AgentChannel, MessageKind> = {
  email: 'reply',
  phone: 'call',
  walk_in: 'visit',
  other: 'contact',
};

/** What a message from the customer changes on its ticket. */
export function afterCustomerMessage(ticket: Pick<Ticket, 'waitingSince'>, at: string, automatic: boolean) {
  if (automatic) return {};
  return { last_customer_message_at: at, waiting_since: ticket.waitingSince ?? at };
}

/**
 * What an agent's public answer changes on its ticket, and the first-reply event (seconds
 * since the customer started waiting) when it is the first.
 */
export function afterAnswer(
  ticket: Pick<Ticket, 'firstReplyAt' | 'lastCustomerMessageAt' | 'waitingSince' | 'createdAt'>,
  at: string,
): { changes: { waiting_since: null; first_reply_at?: string }; events: TicketEventInput[] } {
  if (ticket.firstReplyAt || !ticket.lastCustomerMessageAt)
    return { changes: { waiting_since: null }, events: [] };
  const since = Date.parse(ticket.waitingSince ?? ticket.createdAt);
  return {
    changes: { waiting_since: null, first_reply_at: at },
    events: [{ type: 'first_reply', to: Math.max(0, Math.round((Date.parse(at) - since) / 1000)) }],
  };
}

export interface StampedMessage {
  kind: MessageKind;
  createdAt: string;
  automatic: boolean;
}

/** The times above worked out from a whole conversation (after a merge), with its size. */
export function conversationStamps(messages: StampedMessage[]) {
  const ordered = [...messages].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  let firstCustomer: string | null = null;
  let firstReply: string | null = null;
  let lastCustomer: string | null = null;
  let waiting: string | null = null;
  for (const m of ordered) {
    if (m.kind === 'customer' && !m.automatic) {
      firstCustomer ??= m.createdAt;
      lastCustomer = m.createdAt;
      waiting ??= m.createdAt;
    } else if (isAnswer(m.kind)) {
      if (firstCustomer && !firstReply) firstReply = m.createdAt;
      waiting = null;
    }
  }
  return {
    message_count: messages.length,
    last_message_at: ordered.at(-1)?.createdAt ?? null,
    first_reply_at: firstReply,
    last_customer_message_at: lastCustomer,
    waiting_since: waiting,
  };
}

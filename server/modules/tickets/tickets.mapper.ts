import type { Selectable } from 'kysely';
import type { Customer } from '../../../contracts/customers';
import type { Delivery } from '../../../contracts/mail';
import { slaMetrics as metricList, type SlaMetric } from '../../../contracts/sla-summary';
import type { Attachment, Message, Ticket, TicketEvent } from '../../../contracts/tickets';
import type { TicketsTable } from '../../db/schema';
import { parseObject, parseStringList } from '../../platform/json';
import type { EventRow } from './events.repository';
import type { MessageRow } from './messages.repository';
import { recipientsOf } from './recipients';
import type { TicketRow } from './tickets.repository';

const ref = (id: number | null, name: string | null) => (id !== null && name !== null ? { id, name } : null);

/** The ticket's tags (kept on the row; ticket_tags only indexes them for filters), in name order. */
const tagsOf = (row: Pick<TicketRow, 'tags'>) => parseStringList(row.tags).sort();

const slaMetrics: ReadonlySet<string> = new Set<SlaMetric>(metricList);

/** The clock that runs out next (kept on the row by the sla module, ADR 0021). */
function slaOf(row: Pick<TicketRow, 'sla_metric' | 'sla_due_at' | 'sla_warn_at'>): Ticket['sla'] {
  if (!row.sla_metric || !slaMetrics.has(row.sla_metric)) return null;
  return { metric: row.sla_metric as SlaMetric, dueAt: row.sla_due_at, warnAt: row.sla_warn_at };
}

export function toTicket(row: TicketRow): Ticket {
  return {
    id: row.id,
    subject: row.subject,
    requester: { id: row.requester_id, name: row.requester_name, email: row.requester_email },
    organization: ref(row.organization_id, row.organization_name),
    channel: row.channel,
    type: row.type,
    priority: row.priority,
    status: row.status,
    category: ref(row.category_id, row.category_name),
    tags: tagsOf(row),
    assignee: ref(row.assignee_id, row.assignee_name),
    team: ref(row.team_id, row.team_name),
    dueAt: row.due_at,
    escalation: row.escalated_at
      ? {
          at: row.escalated_at,
          reason: row.escalation_reason ?? '',
          escalatedTo: ref(row.escalated_to_id, row.escalated_to_name),
        }
      : null,
    customFields: parseObject(row.custom_fields) as Ticket['customFields'],
    version: row.version,
    firstReplyAt: row.first_reply_at,
    solvedAt: row.solved_at,
    closedAt: row.closed_at,
    lastMessageAt: row.last_message_at,
    lastCustomerMessageAt: row.last_customer_message_at,
    waitingSince: row.waiting_since,
    mergedIntoId: row.merged_into_id,
    followUpOfId: row.follow_up_of_id,
    messageCount: row.message_count,
    sla: slaOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A ticket just stored without category, assignee or team: its requester's names are all it points at. */
export function toUnassignedTicket(
  row: Selectable<TicketsTable>,
  requester: Pick<Customer, 'name' | 'email' | 'organization'>,
): Ticket {
  return toTicket({
    ...row,
    requester_name: requester.name,
    requester_email: requester.email,
    organization_name: requester.organization?.name ?? null,
    category_name: null,
    assignee_name: null,
    team_name: null,
    escalated_to_name: null,
  });
}

export function toMessage(
  row: MessageRow,
  attachments: Attachment[],
  delivery: Delivery | null = null,
): Message {
  const author =
    row.author_user_id !== null
      ? { type: 'user' as const, id: row.author_user_id, name: row.user_name ?? 'Former staff' }
      : row.author_customer_id !== null
        ? { type: 'customer' as const, id: row.author_customer_id, name: row.customer_name ?? 'Customer' }
        : { type: 'system' as const, id: null, name: 'Steward' };
  return {
    id: row.id,
    ticketId: row.ticket_id,
    kind: row.kind,
    author,
    channel: row.channel,
    body: row.body,
    html: row.body_html,
    meta: parseObject(row.meta),
    attachments,
    delivery,
    recipients: recipientsOf(row),
    createdAt: row.created_at,
  };
}

export function toEvent(row: EventRow): TicketEvent {
  const name =
    row.user_name ??
    row.customer_name ??
    row.token_name ??
    (row.actor_type === 'system' ? 'Steward' : 'Unknown');
  return {
    id: row.id,
    type: row.type,
    actor: { type: row.actor_type, id: row.actor_id, name },
    from: row.from_value,
    to: row.to_value,
    createdAt: row.created_at,
  };
}

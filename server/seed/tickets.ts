import type { TicketPriority, TicketStatus } from '../../contracts/tickets';
import type { DbOrTrx } from '../db/database';
import { indexNewTicket } from '../modules/search';
import { DEFAULT_AUTO_CLOSE_DAYS } from '../modules/settings';
import { insertCategoryRow } from '../modules/ticket-fields';
import {
  appendTicketEvents,
  insertMessageRow,
  insertTicketRow,
  setTicketTags,
  type TicketEventInput,
} from '../modules/tickets';
import { renderMarkdown } from '../platform/markdown';
import type { Random } from './random';
import { fill, stillOpen, thanks, topics } from './ticket-content';

const MINUTE = 60_000;
const AUTO_CLOSE_MS = DEFAULT_AUTO_CLOSE_DAYS * 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();

/** The demo category tree: one child per topic, under its parent. Returns child ids in topic order. */
export async function seedCategories(db: DbOrTrx, now: string): Promise<number[]> {
  const parents = new Map<string, number>();
  const ids: number[] = [];
  for (const topic of topics) {
    const [parent, child] = topic.category;
    let parentId = parents.get(parent);
    if (!parentId) {
      parentId = await insertCategoryRow(db, {
        name: parent,
        parentId: null,
        position: parents.size,
        now,
      });
      parents.set(parent, parentId);
    }
    ids.push(await insertCategoryRow(db, { name: child, parentId, position: ids.length, now }));
  }
  return ids;
}

interface Cast {
  customers: { id: number; name: string; email: string; organizationId: number | null }[];
  agents: { id: number; teamId: number }[];
  categoryIds: number[];
  /** Each team's lead by team id: whom an escalation goes to. */
  leads?: Record<number, number>;
}

/** Why a seeded ticket was escalated. */
export const ESCALATION_REASON = 'Customer threatens to cancel the contract';

/**
 * `count` tickets spread over the last `days` days, with conversations, notes and history:
 * old tickets are mostly solved or closed, recent ones still in the queue.
 */
export async function seedTickets(
  db: DbOrTrx,
  rnd: Random,
  cast: Cast,
  count: number,
  days = 90,
): Promise<void> {
  const now = Date.now();
  for (let i = 0; i < count; i += 1) {
    const topicIndex = rnd.int(0, topics.length - 1);
    const topic = topics[topicIndex]!;
    const customer = rnd.pick(cast.customers);
    const agent = rnd.pick(cast.agents);
    const ageDays = (days * (count - i)) / count;
    const created = now - ageDays * 86_400_000 - rnd.int(0, 600) * MINUTE;
    const values = { order: `SO-${100000 + i}`, day: `${rnd.int(1, 28)}th` };
    const recent = ageDays < 3;
    const picked: TicketStatus = recent
      ? rnd.pick(['new', 'open', 'open', 'pending', 'on_hold'] as const)
      : ageDays < 10
        ? rnd.pick(['open', 'pending', 'solved', 'solved'] as const)
        : rnd.pick(['solved', 'closed', 'closed', 'closed'] as const);
    const priority: TicketPriority = rnd.pick([
      'low',
      'normal',
      'normal',
      'normal',
      'high',
      'urgent',
    ] as const);
    const assigned = picked !== 'new';
    const channel = rnd.pick(['email', 'email', 'email', 'web', 'portal', 'phone', 'api'] as const);
    const firstReply = assigned ? created + rnd.int(5, 8 * 60) * MINUTE : null;
    const solved =
      picked === 'solved' || picked === 'closed'
        ? (firstReply ?? created) + rnd.int(30, 48 * 60) * MINUTE
        : null;
    // Solved tickets older than the auto-close period are already closed, as the job would have done.
    const status: TicketStatus =
      picked === 'solved' && solved && solved + AUTO_CLOSE_MS < now ? 'closed' : picked;
    const closed = status === 'closed' && solved ? solved + AUTO_CLOSE_MS : null;
    const matter = rnd.pick(topic.cases);
    const subject = matter.subject;
    const opener = fill(rnd.pick(matter.openers), values);
    const last = Math.min(now, closed ?? solved ?? firstReply ?? created);
    // Urgent recent tickets went up to a team lead half an hour in, as an agent would escalate them.
    const escalation =
      priority === 'urgent' && recent
        ? {
            time: Math.min(now, created + 30 * MINUTE),
            reason: ESCALATION_REASON,
            toId: cast.leads?.[agent.teamId] ?? null,
          }
        : null;
    // The conversation first, so the ticket is stored with its message count in one write.
    const conversation: { kind: 'customer' | 'reply' | 'note'; body: string; time: number }[] = [
      { kind: 'customer', body: opener, time: created },
    ];
    if (firstReply) {
      if (rnd.next() < 0.3)
        conversation.push({
          kind: 'note',
          body: fill(rnd.pick(topic.notes), values),
          time: firstReply - 2 * MINUTE,
        });
      conversation.push({ kind: 'reply', body: fill(rnd.pick(matter.replies), values), time: firstReply });
      if (rnd.next() < 0.5) {
        const follow = firstReply + rnd.int(30, 600) * MINUTE;
        // A solved ticket's customer says it helped; an open one's is still waiting.
        conversation.push({ kind: 'customer', body: rnd.pick(solved ? thanks : stillOpen), time: follow });
        if (solved)
          conversation.push({
            kind: 'reply',
            body: 'Glad we could sort this out. I will close the ticket now.',
            time: Math.max(follow + MINUTE, solved - MINUTE),
          });
      }
    }
    const id = await insertTicketRow(db, {
      subject,
      requester_id: customer.id,
      organization_id: customer.organizationId,
      channel,
      type: topic.type,
      priority,
      status,
      category_id: cast.categoryIds[topicIndex] ?? null,
      assignee_id: assigned ? agent.id : null,
      team_id: agent.teamId,
      due_at: null,
      escalated_at: escalation ? at(escalation.time) : null,
      escalation_reason: escalation?.reason ?? null,
      escalated_to_id: escalation?.toId ?? null,
      custom_fields: JSON.stringify({ order_no: values.order }),
      tags: JSON.stringify(priority === 'urgent' ? ['vip'] : []),
      first_reply_at: firstReply ? at(firstReply) : null,
      solved_at: solved ? at(solved) : null,
      closed_at: closed ? at(closed) : null,
      last_message_at: at(last),
      last_customer_message_at: null,
      waiting_since: null,
      merged_into_id: null,
      follow_up_of_id: null,
      message_count: conversation.length,
      created_at: at(created),
      updated_at: at(last),
    });
    if (priority === 'urgent') await setTicketTags(db, id, ['vip']);
    const messageIds: number[] = [];
    for (const m of conversation) {
      const messageId = await insertMessageRow(db, {
        ticketId: id,
        kind: m.kind,
        authorUserId: m.kind === 'customer' ? null : agent.id,
        authorCustomerId: m.kind === 'customer' ? customer.id : null,
        channel,
        body: m.body,
        html: renderMarkdown(m.body),
        meta: {},
        now: at(Math.min(m.time, now)),
      });
      messageIds.push(messageId);
    }
    const events: [number, { type: 'user' | 'customer' | 'system'; id: number | null }, TicketEventInput][] =
      [[created, { type: 'system', id: null }, { type: 'created', to: 'new' }]];
    // Each message after the opening one, as the conversation wrote it: the agent's replies and
    // notes, and the customer's answers.
    const eventOf = { reply: 'replied', note: 'note_added', customer: 'customer_replied' } as const;
    for (const [i, m] of conversation.entries()) {
      if (i === 0) continue;
      const actor =
        m.kind === 'customer'
          ? { type: 'customer' as const, id: customer.id }
          : { type: 'user' as const, id: agent.id };
      events.push([m.time, actor, { type: eventOf[m.kind], to: messageIds[i] ?? null }]);
    }
    if (firstReply) {
      events.push([
        created + MINUTE,
        { type: 'user', id: agent.id },
        { type: 'assigned', from: null, to: agent.id },
      ]);
      events.push([
        firstReply,
        { type: 'user', id: agent.id },
        { type: 'first_reply', to: Math.round((firstReply - created) / 1000) },
      ]);
    }
    if (status !== 'new')
      events.push([
        firstReply ?? created,
        { type: 'user', id: agent.id },
        { type: 'status_changed', from: 'new', to: solved ? 'solved' : status },
      ]);
    if (escalation)
      events.push([
        escalation.time,
        { type: 'user', id: agent.id },
        { type: 'escalated', from: null, to: escalation.reason },
      ]);
    if (closed)
      events.push([
        closed,
        { type: 'system', id: null },
        { type: 'status_changed', from: 'solved', to: 'closed' },
      ]);
    // The history in the order it happened.
    events.sort((a, b) => a[0] - b[0]);
    for (const [time, actor, event] of events)
      await appendTicketEvents(db, id, actor, [event], at(Math.min(time, now)), { historic: true });
    await indexNewTicket(db, id, {
      subject,
      body: conversation.map((m) => m.body).join('\n'),
      customer: `${customer.name} ${customer.email}`,
    });
  }
}

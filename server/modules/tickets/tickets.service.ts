import type { z } from 'zod';
import {
  agentChannels,
  type createTicketBody,
  type escalateBody,
  type Ticket,
  type TicketStatus,
  type UpdateTicketBody,
} from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import { groupCommit, groupCommitDefaults } from '../../db/group-commit';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { renderMarkdown } from '../../platform/markdown';
import { renderMarkdownOffThread } from '../../platform/markdown-async';
import { bindFilesToMessage } from '../attachments';
import { indexNewTicket, setIndexedSubject } from '../search';
import { assertUsableCategory } from '../ticket-fields';
import { afterCustomerMessage, agentMessageKind, isAutomatic } from './conversation.rules';
import type { TicketEventInput } from './events.repository';
import { eventsRepository } from './events.repository';
import { messagesRepository } from './messages.repository';
import { assignmentAtOpening, clocksAtOpening, type OpeningAssignment } from './opening-ports';
import { recordTicketEvents } from './ticket-events';
import { toEvent, toTicket, toUnassignedTicket } from './tickets.mapper';
import {
  activeRequester,
  assertAssignee,
  assertTeam,
  checkCustomFields,
  eventActor,
  requesterByEmail,
  ticketNotFound,
} from './tickets.refs';
import { ticketsRepository as repo } from './tickets.repository';
import { canTransition, statusAfterAgentReply, statusAfterAssignment } from './tickets.rules';

type CreateInput = z.output<typeof createTicketBody>;
/** What a ticket opens with; who wrote the first message is told apart (see openTicket). */
type OpenInput = Omit<CreateInput, 'message'> & { message: Omit<CreateInput['message'], 'author'> };

const isAgentChannel = (channel: string): channel is (typeof agentChannels)[number] =>
  (agentChannels as readonly string[]).includes(channel);

/** A first message that arrives already rendered (mail: sanitised HTML, sender and copies in meta). */
export interface RenderedBody {
  html: string;
  meta: Record<string, unknown>;
}

export async function loadTicket(db: DbOrTrx, id: number): Promise<Ticket> {
  const row = await repo.findById(db, id);
  if (!row) throw ticketNotFound(id);
  return toTicket(row);
}

const snapshot = (t: Ticket) => ({
  subject: t.subject,
  status: t.status,
  priority: t.priority,
  type: t.type,
  assignee: t.assignee?.name ?? null,
  team: t.team?.name ?? null,
  category: t.category?.name ?? null,
  tags: t.tags,
  dueAt: t.dueAt,
  requester: t.requester.name,
  customFields: t.customFields,
});

/** Timestamps that follow from a status change. */
/** A customer merge moves the merged customer's tickets; answers the tickets that moved. */
export const moveRequesterTickets = (db: DbOrTrx, fromCustomerId: number, toCustomerId: number) =>
  repo.moveRequester(db, fromCustomerId, toCustomerId);

/** Tickets as the API shows them, in no particular order; ids that do not exist are left out. */
export async function ticketsByIds(db: DbOrTrx, ids: number[]): Promise<Ticket[]> {
  return (await repo.findByIds(db, ids)).map(toTicket);
}

export function statusStamps(to: TicketStatus, from: TicketStatus | null, now: string) {
  if (to === from) return {};
  return {
    status: to,
    solved_at: to === 'solved' ? now : to === 'closed' ? undefined : null,
    closed_at: to === 'closed' ? now : undefined,
  };
}

/** The id the next ticket will probably get: what a robot caught by the contact form is told, so it cannot tell. */
export async function likelyNextTicketId(db: DbOrTrx): Promise<number> {
  return (await repo.lastId(db)) + 1;
}

/** The first message's kind and history entry: the customer's request, or the agent's own message on their channel. */
function firstMessageOf(author: 'customer' | 'agent', channel: OpenInput['channel']) {
  if (author === 'customer') return { kind: 'customer', event: 'customer_replied' } as const;
  const kind = isAgentChannel(channel) ? agentMessageKind[channel] : 'reply';
  return { kind, event: kind === 'reply' ? 'replied' : `${kind}_logged` } as const;
}

/** The holder of a ticket opened in a team with nobody named, when the team routes by itself (ADR 0031). */
function routeAtOpening(
  db: DbOrTrx,
  input: OpenInput,
  tags: string[],
  customFields: Record<string, unknown>,
): Promise<OpeningAssignment | null> {
  if (!input.teamId || input.assigneeId) return Promise.resolve(null);
  return assignmentAtOpening(db, {
    teamId: input.teamId,
    channel: input.channel,
    priority: input.priority,
    subject: input.subject,
    body: input.message.body,
    tags,
    categoryId: input.categoryId,
    customFields,
  });
}

/** The row a ticket is opened with, before its clocks' summary. */
function openingValues(
  input: OpenInput,
  opening: {
    requester: { id: number; organization?: { id: number } | null };
    status: TicketStatus;
    assigneeId: number | null;
    customFields: Record<string, unknown>;
    tags: string[];
    now: string;
    /** What a customer's first message sets (last customer message, waiting since). */
    waiting: ReturnType<typeof afterCustomerMessage>;
  },
) {
  const { requester, status, now } = opening;
  return {
    subject: input.subject,
    requester_id: requester.id,
    organization_id: requester.organization?.id ?? null,
    channel: input.channel,
    type: input.type,
    priority: input.priority,
    status,
    category_id: input.categoryId,
    assignee_id: opening.assigneeId,
    team_id: input.teamId,
    due_at: input.dueAt ? new Date(input.dueAt).toISOString() : null,
    escalated_at: null,
    escalation_reason: null,
    escalated_to_id: null,
    custom_fields: JSON.stringify(opening.customFields),
    tags: JSON.stringify(opening.tags),
    first_reply_at: null,
    last_customer_message_at: null,
    waiting_since: null,
    ...opening.waiting,
    solved_at: status === 'solved' ? now : null,
    closed_at: null,
    message_count: 1,
    last_message_at: now,
    merged_into_id: null,
    follow_up_of_id: null,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Opens a ticket with its first message in one transaction: customer, ticket, message, tags,
 * events, index, audit. The first message is the requester's, or (author `agent`) the acting
 * agent's on the ticket's channel: mailed to the requester on email, a logged call, visit or
 * other contact otherwise; an agent's message makes a new ticket open.
 */
export async function openTicket(
  db: DbOrTrx,
  ctx: RequestContext,
  input: OpenInput,
  author: 'customer' | 'agent' = 'customer',
  rendered?: RenderedBody,
) {
  const now = nowIso();
  const requester = input.requesterId
    ? await activeRequester(db, input.requesterId)
    : await requesterByEmail(db, input.requester!, now);
  await Promise.all([
    assertUsableCategory(db, input.categoryId),
    assertAssignee(db, input.assigneeId),
    assertTeam(db, input.teamId),
  ]);
  const customFields = await checkCustomFields(db, input.type, input.customFields, input.status === 'solved');
  const fromCustomer = author === 'customer';
  const tags = [...new Set(input.tags)];
  // A team that routes by itself picks the holder now, so the row is written once with them.
  const routed = await routeAtOpening(db, input, tags, customFields);
  const assigneeId = input.assigneeId ?? routed?.assigneeId ?? null;
  const assigned = statusAfterAssignment(input.status, assigneeId);
  const status = fromCustomer ? assigned : statusAfterAgentReply(assigned, undefined);
  const first = firstMessageOf(author, input.channel);
  const meta = rendered?.meta ?? {};
  const values = openingValues(input, {
    requester,
    status,
    assigneeId,
    customFields,
    tags,
    now,
    waiting: fromCustomer ? afterCustomerMessage({ waitingSince: null }, now, isAutomatic(meta)) : {},
  });
  // The clocks start before the row is written, so it is written once with what runs out next.
  const clocks = await clocksAtOpening(
    db,
    { ...values, sla_metric: null, sla_due_at: null, sla_warn_at: null },
    { at: now, replied: first.event === 'replied' },
  );
  const row = await repo.insertRow(db, { ...values, ...clocks.clocks?.columns });
  const id = row.id;
  if (tags.length > 0) await repo.setTags(db, id, tags);
  const messageId = await messagesRepository.insert(db, {
    ticketId: id,
    kind: first.kind,
    authorUserId: fromCustomer || ctx.actor.type !== 'user' || ctx.actor.id === 0 ? null : ctx.actor.id,
    authorCustomerId: fromCustomer ? requester.id : null,
    channel: input.channel,
    body: input.message.body,
    html: rendered?.html ?? renderMarkdown(input.message.body),
    meta:
      !fromCustomer && ctx.actor.type === 'token' ? { ...meta, via: `API token ${ctx.actor.name}` } : meta,
    now,
  });
  await bindFilesToMessage(db, id, messageId, input.message.attachmentIds);
  const events: TicketEventInput[] = [{ type: 'created', to: status }];
  if (input.assigneeId) events.push({ type: 'assigned', from: null, to: input.assigneeId });
  if (input.teamId) events.push({ type: 'team_changed', from: null, to: input.teamId });
  if (routed) events.push(...routed.events);
  events.push({ type: first.event, to: messageId });
  await routed?.recordFor(db, id, now);
  await clocks.clocks?.recordFor(db, id);
  await recordTicketEvents(db, id, eventActor(ctx), events, now, {
    ...(fromCustomer ? { customerBody: input.message.body } : {}),
    clocksStarted: clocks.started,
  });
  await indexNewTicket(db, id, {
    subject: input.subject,
    body: input.message.body,
    customer: [requester.name, requester.email].filter(Boolean).join(' '),
  });
  // Without a category, assignee or team every name is at hand; otherwise read them back.
  const ticket =
    input.categoryId || input.assigneeId || input.teamId
      ? await loadTicket(db, id)
      : toUnassignedTicket(row, requester);
  await recordAudit(db, ctx, {
    action: 'ticket.created',
    entityType: 'ticket',
    entityId: id,
    after: snapshot(ticket),
  });
  return ticket;
}

/** Applies a change to a ticket with its events and audit; refuses stale versions and bad transitions. */
export async function changeTicket(
  db: DbOrTrx,
  ctx: RequestContext,
  id: number,
  input: UpdateTicketBody,
): Promise<Ticket> {
  const before = await loadTicket(db, id);
  if (input.version !== undefined && input.version !== before.version) {
    throw new AppError(
      'TICKET_VERSION_CONFLICT',
      `Ticket #${id} was changed by someone else; reload it and try again`,
      { current: before },
    );
  }
  if (before.mergedIntoId)
    throw new AppError('TICKET_MERGED', `Ticket #${id} was merged into #${before.mergedIntoId}`);
  if (before.status === 'closed')
    throw new AppError('TICKET_CLOSED', `Ticket #${id} is closed; open a follow-up instead`);
  const assigneeId = input.assigneeId === undefined ? (before.assignee?.id ?? null) : input.assigneeId;
  const status =
    input.status ??
    (input.assigneeId === undefined ? before.status : statusAfterAssignment(before.status, assigneeId));
  if (!canTransition(before.status, status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `A ${before.status.replace('_', '-')} ticket cannot become ${status.replace('_', '-')}`,
      {
        from: before.status,
        to: status,
      },
    );
  }
  const type = input.type ?? before.type;
  const customFields = input.customFields
    ? { ...before.customFields, ...input.customFields }
    : before.customFields;
  await checkCustomFields(db, type, input.customFields ?? {}, false);
  if (status === 'solved' && before.status !== 'solved')
    await checkCustomFields(db, type, customFields, true);
  await Promise.all([
    assertUsableCategory(db, input.categoryId),
    assertAssignee(db, input.assigneeId),
    assertTeam(db, input.teamId),
  ]);
  const requester = input.requesterId ? await activeRequester(db, input.requesterId) : null;
  const now = nowIso();
  const tags = input.tags ? [...new Set(input.tags)] : undefined;
  const updated = await repo.update(
    db,
    id,
    {
      subject: input.subject,
      type: input.type,
      priority: input.priority,
      ...statusStamps(status, before.status, now),
      category_id: input.categoryId,
      assignee_id: input.assigneeId,
      team_id: input.teamId,
      due_at:
        input.dueAt === undefined
          ? undefined
          : input.dueAt === null
            ? null
            : new Date(input.dueAt).toISOString(),
      requester_id: requester?.id,
      organization_id: requester ? (requester.organization?.id ?? null) : undefined,
      custom_fields: input.customFields ? JSON.stringify(customFields) : undefined,
      tags: tags ? JSON.stringify(tags) : undefined,
      updated_at: now,
    },
    input.version ?? before.version,
  );
  if (!updated) {
    throw new AppError(
      'TICKET_VERSION_CONFLICT',
      `Ticket #${id} was changed by someone else; reload it and try again`,
      { current: await loadTicket(db, id) },
    );
  }
  if (tags) await repo.setTags(db, id, tags);
  if (input.subject && input.subject !== before.subject) await setIndexedSubject(db, id, input.subject);
  const events: TicketEventInput[] = [];
  if (status !== before.status) events.push({ type: 'status_changed', from: before.status, to: status });
  if (assigneeId !== (before.assignee?.id ?? null))
    events.push({ type: 'assigned', from: before.assignee?.id ?? null, to: assigneeId });
  if (input.teamId !== undefined && input.teamId !== (before.team?.id ?? null))
    events.push({ type: 'team_changed', from: before.team?.id ?? null, to: input.teamId });
  if (input.priority && input.priority !== before.priority)
    events.push({ type: 'priority_changed', from: before.priority, to: input.priority });
  if (input.type && input.type !== before.type)
    events.push({ type: 'type_changed', from: before.type, to: input.type });
  if (input.categoryId !== undefined && input.categoryId !== (before.category?.id ?? null)) {
    events.push({ type: 'category_changed', from: before.category?.id ?? null, to: input.categoryId });
  }
  const tagsBefore = [...before.tags].sort();
  const tagsAfter = tags ? [...tags].sort() : tagsBefore;
  if (tagsAfter.join('\n') !== tagsBefore.join('\n'))
    events.push({ type: 'tags_changed', from: JSON.stringify(tagsBefore), to: JSON.stringify(tagsAfter) });
  const fieldsChanged = Object.keys(input.customFields ?? {}).filter(
    (key) => JSON.stringify(before.customFields[key] ?? null) !== JSON.stringify(customFields[key] ?? null),
  );
  if (fieldsChanged.length > 0)
    events.push({
      type: 'custom_fields_changed',
      from: JSON.stringify(Object.fromEntries(fieldsChanged.map((k) => [k, before.customFields[k] ?? null]))),
      to: JSON.stringify(Object.fromEntries(fieldsChanged.map((k) => [k, customFields[k] ?? null]))),
    });
  await recordTicketEvents(db, id, eventActor(ctx), events, now);
  const after = await loadTicket(db, id);
  await recordAudit(db, ctx, {
    action: 'ticket.updated',
    entityType: 'ticket',
    entityId: id,
    before: snapshot(before),
    after: snapshot(after),
  });
  return after;
}

/**
 * Escalates a ticket in the caller's transaction: the reason, who it goes to (a person, and
 * for a missed service level possibly a team), and a new priority, each recorded as events.
 */
export async function escalateTicket(
  trx: DbOrTrx,
  ctx: RequestContext,
  id: number,
  input: z.output<typeof escalateBody> & { teamId?: number | null },
): Promise<Ticket> {
  const before = await loadTicket(trx, id);
  if (before.status === 'closed') throw new AppError('TICKET_CLOSED', `Ticket #${id} is closed`);
  await assertAssignee(trx, input.escalatedToId, 'escalatedToId');
  const now = nowIso();
  const teamId = input.teamId ?? undefined;
  await repo.update(
    trx,
    id,
    {
      escalated_at: now,
      escalation_reason: input.reason,
      escalated_to_id: input.escalatedToId,
      priority: input.priority,
      team_id: teamId,
      updated_at: now,
    },
    null,
  );
  const events: TicketEventInput[] = [{ type: 'escalated', from: null, to: input.reason }];
  if (input.priority && input.priority !== before.priority)
    events.push({ type: 'priority_changed', from: before.priority, to: input.priority });
  if (teamId !== undefined && teamId !== (before.team?.id ?? null))
    events.push({ type: 'team_changed', from: before.team?.id ?? null, to: teamId });
  await recordTicketEvents(trx, id, eventActor(ctx), events, now);
  const after = await loadTicket(trx, id);
  await recordAudit(trx, ctx, {
    action: 'ticket.escalated',
    entityType: 'ticket',
    entityId: id,
    before: { escalation: before.escalation, priority: before.priority, team: before.team },
    after: { escalation: after.escalation, priority: after.priority, team: after.team },
  });
  return after;
}

/**
 * Tells open browsers a ticket changed (after the transaction committed). The requester's portal
 * hears of it only when `customerSees`: a new request, a message that is not a note, a new
 * status or subject; never a change only staff see.
 */
export function announceTicket(
  live: AppDeps['live'],
  ticket: Ticket,
  { created = false, customerSees }: { created?: boolean; customerSees: boolean },
): Ticket {
  const publicFor = customerSees ? { publicFor: ticket.requester.id } : {};
  live.publish(
    created
      ? { type: 'ticket.created', ticketId: ticket.id, ...publicFor }
      : { type: 'ticket.changed', ticketId: ticket.id, version: ticket.version, ...publicFor },
  );
  return ticket;
}

/**
 * Whether a change to a ticket's fields shows in the requester's portal: its status, its subject,
 * or a new requester (who now has it among their requests). An assignment that only moves a new
 * ticket to open reads the same to the customer ("We're on it").
 */
export const customerSeesChange = (changes: { status?: unknown; subject?: unknown; requesterId?: unknown }) =>
  changes.status !== undefined || changes.subject !== undefined || changes.requesterId !== undefined;

/** Whole ticket rows by id, for pages that render them (queues). */
export const ticketRowsByIds = repo.findByIds;
/** Tickets' subjects by id (the audit log names the tickets its entries are about). */
export const ticketSubjects = repo.subjectsByIds;
/** Stores a ticket row as given (seed data and generated benchmarks). */
export const insertTicketRow = repo.insert;
/** Replaces a ticket's tags. */
export const setTicketTags = repo.setTags;
/** Appends events to a ticket's history. */
export const appendTicketEvents = recordTicketEvents;
/** One message row by id (notification mail, delivery failures). */
export const findMessage = messagesRepository.findById;
/** The files of these messages. */
export const attachmentsOfMessages = messagesRepository.attachmentsOf;
/** The newest message of a ticket. */
export const lastMessageId = messagesRepository.lastIdOf;
/** Keeps the HTML of a received mail on its message. */
export const setMessageHtml = messagesRepository.setHtml;
/** Stores a message row as given (seed data). */
export const insertMessageRow = messagesRepository.insert;

export function ticketsService({ db, live }: AppDeps) {
  // Tickets opened at the same time share one transaction (see docs/adr/0005-group-commit.md).
  const opening = groupCommit(db, groupCommitDefaults(adapterOf(db)));
  return {
    async get(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'tickets.read');
      return loadTicket(db, id);
    },

    async create(ctx: RequestContext, input: CreateInput) {
      authorize(ctx.actor, 'tickets.write');
      const rendered = { html: await renderMarkdownOffThread(input.message.body), meta: {} };
      const author = input.message.author === 'agent' ? 'agent' : 'customer';
      return announceTicket(live, await opening((trx) => openTicket(trx, ctx, input, author, rendered)), {
        created: true,
        customerSees: true,
      });
    },

    async update(ctx: RequestContext, id: number, input: UpdateTicketBody) {
      authorize(ctx.actor, 'tickets.write');
      return announceTicket(
        live,
        await db.transaction().execute((trx) => changeTicket(trx, ctx, id, input)),
        { customerSees: customerSeesChange(input) },
      );
    },

    async escalate(ctx: RequestContext, id: number, input: z.output<typeof escalateBody>) {
      authorize(ctx.actor, 'tickets.write');
      const ticket = await db.transaction().execute((trx) => escalateTicket(trx, ctx, id, input));
      return announceTicket(live, ticket, { customerSees: false });
    },

    async deescalate(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'tickets.write');
      const ticket = await db.transaction().execute(async (trx) => {
        const before = await loadTicket(trx, id);
        if (!before.escalation) return before;
        const now = nowIso();
        await repo.update(
          trx,
          id,
          { escalated_at: null, escalation_reason: null, escalated_to_id: null, updated_at: now },
          null,
        );
        await recordTicketEvents(
          trx,
          id,
          eventActor(ctx),
          [{ type: 'deescalated', from: before.escalation.reason }],
          now,
        );
        const after = await loadTicket(trx, id);
        await recordAudit(trx, ctx, {
          action: 'ticket.deescalated',
          entityType: 'ticket',
          entityId: id,
          before: { escalation: before.escalation },
          after: { escalation: null },
        });
        return after;
      });
      return announceTicket(live, ticket, { customerSees: false });
    },

    async history(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'tickets.read');
      await loadTicket(db, id);
      return (await eventsRepository.list(db, id)).map(toEvent);
    },
  };
}

export type TicketsService = ReturnType<typeof ticketsService>;

import type { z } from 'zod';
import {
  canMoveFollowUp,
  type changeFollowUpBody,
  type contactCustomerBody,
  type FollowUp,
  type FollowUpDetail,
  type FollowUpState,
  type followUpsQuery,
} from '../../../contracts/feedback-loop';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { renderMarkdownOffThread } from '../../platform/markdown-async';
import { announceTicket, openTicket } from '../tickets';
import {
  type FollowUpRow,
  type FollowUpScope,
  followUpsRepository as repo,
} from './feedback.followups.repository';
import { followUpSettings } from './feedback.loop';
import { feedbackRepository } from './feedback.repository';
import { answersWithThemes } from './feedback.service';

type ChangeBody = z.output<typeof changeFollowUpBody>;
type ContactBody = z.output<typeof contactCustomerBody>;
type ListQuery = z.output<typeof followUpsQuery>;

export function toFollowUp(row: FollowUpRow, now: string): FollowUp {
  return {
    id: row.id,
    source: { kind: row.source_kind, id: row.source_id },
    summary: row.summary,
    ticket:
      row.ticket_id !== null && row.ticket_subject !== null
        ? { id: row.ticket_id, subject: row.ticket_subject }
        : null,
    customer: { id: row.customer_id, name: row.customer_name, email: row.customer_email },
    team: row.team_id !== null && row.team_name !== null ? { id: row.team_id, name: row.team_name } : null,
    owner:
      row.owner_id !== null && row.owner_name !== null ? { id: row.owner_id, name: row.owner_name } : null,
    state: row.state,
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    contactTicket:
      row.contact_ticket_id !== null && row.contact_subject !== null
        ? { id: row.contact_ticket_id, subject: row.contact_subject }
        : null,
    dueAt: row.due_at,
    overdue: row.state !== 'resolved' && row.due_at < now,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Managers see every follow-up; anyone else those they own or of the teams they lead (none for agents who lead none). */
async function scopeOf(db: DbOrTrx, ctx: RequestContext): Promise<FollowUpScope> {
  if (ctx.actor.role === 'admin' || ctx.actor.role === 'manager') return { all: true };
  if (ctx.actor.type !== 'user') return { all: false, userId: -1, teamIds: [] };
  return { all: false, userId: ctx.actor.id, teamIds: await repo.teamsLedBy(db, ctx.actor.id) };
}

const visible = (scope: FollowUpScope, row: FollowUpRow) =>
  scope.all || row.owner_id === scope.userId || (row.team_id !== null && scope.teamIds.includes(row.team_id));

async function detail(db: DbOrTrx, row: FollowUpRow): Promise<FollowUpDetail> {
  const now = nowIso();
  const answerRow =
    row.source_kind === 'csat' ? await feedbackRepository.answerById(db, row.source_id) : undefined;
  const events = await repo.events(db, row.id);
  return {
    ...toFollowUp(row, now),
    answer: answerRow ? (await answersWithThemes(db, [answerRow]))[0]! : null,
    history: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      actor: e.actor_id !== null && e.actor_name !== null ? { id: e.actor_id, name: e.actor_name } : null,
      fromState: e.from_state as FollowUpState | null,
      toState: e.to_state as FollowUpState,
      outcome: e.outcome as FollowUpDetail['outcome'],
      note: e.note,
      ticketId: e.ticket_id,
      at: e.at,
    })),
  };
}

const actorId = (ctx: RequestContext) =>
  ctx.actor.type === 'user' && ctx.actor.id > 0 ? ctx.actor.id : null;

/** The follow-ups list and detail, moving them on, contacting the customer, and the due-time setting. */
export function followUpsService({ db, live }: AppDeps) {
  async function load(trx: DbOrTrx, ctx: RequestContext, id: number): Promise<FollowUpRow> {
    const row = await repo.byId(trx, id);
    if (!row || !visible(await scopeOf(trx, ctx), row))
      throw notFound('FOLLOW_UP_NOT_FOUND', `Follow-up #${id}`);
    return row;
  }

  return {
    async list(ctx: RequestContext, q: ListQuery) {
      authorize(ctx.actor, 'followups.read');
      const scope = await scopeOf(db, ctx);
      const now = nowIso();
      const [rows, counts] = await Promise.all([
        repo.list(db, scope, q.view, now, q.limit),
        repo.counts(db, scope, now),
      ]);
      return {
        data: rows.map((r) => toFollowUp(r, now)),
        summary: {
          ...counts,
          closedInTimeShare: counts.closed === 0 ? null : (100 * counts.closedInTime) / counts.closed,
        },
      };
    },

    async get(ctx: RequestContext, id: number): Promise<FollowUpDetail> {
      authorize(ctx.actor, 'followups.read');
      return detail(db, await load(db, ctx, id));
    },

    /** Moves a follow-up on: open → contacted → resolved (with an outcome), or back to open. */
    async change(ctx: RequestContext, id: number, input: ChangeBody): Promise<FollowUpDetail> {
      authorize(ctx.actor, 'followups.write');
      return db.transaction().execute(async (trx) => {
        const before = await load(trx, ctx, id);
        const to = input.state;
        if (to === before.state && to !== 'resolved')
          throw new AppError('INVALID_TRANSITION', `The follow-up is already ${to}`);
        if (to !== before.state && !canMoveFollowUp(before.state, to))
          throw new AppError('INVALID_TRANSITION', `A follow-up cannot go from ${before.state} to ${to}`);
        if (to === 'resolved' && !input.outcome)
          throw new AppError('VALIDATION_FAILED', 'Say how it ended', [
            { path: ['outcome'], message: 'Choose an outcome to resolve the follow-up' },
          ]);
        if (to !== 'resolved' && input.outcome)
          throw new AppError('VALIDATION_FAILED', 'Only a resolved follow-up has an outcome', [
            { path: ['outcome'], message: 'Only a resolved follow-up has an outcome' },
          ]);
        const now = nowIso();
        await repo.update(trx, id, {
          state: to,
          outcome: to === 'resolved' ? input.outcome! : null,
          outcome_note: to === 'resolved' ? input.note : before.outcome_note,
          closed_at: to === 'resolved' ? (before.closed_at ?? now) : null,
          updated_at: now,
        });
        await repo.addEvent(trx, {
          follow_up_id: id,
          actor_id: actorId(ctx),
          kind: before.state === 'resolved' ? 'reopened' : 'state',
          from_state: before.state,
          to_state: to,
          outcome: to === 'resolved' ? input.outcome! : null,
          note: input.note,
          ticket_id: null,
          at: now,
        });
        await recordAudit(trx, ctx, {
          action: 'follow_up.changed',
          entityType: 'follow_up',
          entityId: id,
          before: { name: before.summary, state: before.state, outcome: before.outcome },
          after: { name: before.summary, state: to, outcome: to === 'resolved' ? input.outcome! : null },
        });
        return detail(trx, (await repo.byId(trx, id))!);
      });
    },

    /**
     * "Contact customer": opens a new ticket for the answer's customer from the agent (mailed to
     * them on email), linked to the follow-up both ways, and marks an open follow-up contacted.
     */
    async contact(ctx: RequestContext, id: number, input: ContactBody) {
      authorize(ctx.actor, 'followups.write');
      authorize(ctx.actor, 'tickets.write');
      const html = await renderMarkdownOffThread(input.message);
      const result = await db.transaction().execute(async (trx) => {
        const before = await load(trx, ctx, id);
        const subject =
          input.subject ??
          (before.ticket_subject
            ? `Following up: ${before.ticket_subject}`
            : 'Following up on your feedback');
        const ticket = await openTicket(
          trx,
          ctx,
          {
            subject: subject.slice(0, 250),
            requesterId: before.customer_id,
            message: { body: input.message, attachmentIds: [] },
            channel: before.customer_email ? 'email' : 'phone',
            type: 'question',
            priority: 'normal',
            status: 'pending',
            categoryId: null,
            tags: ['follow-up'],
            assigneeId: actorId(ctx),
            teamId: before.team_id,
            dueAt: null,
            customFields: {},
          },
          'agent',
          { html, meta: {} },
        );
        const now = nowIso();
        const to: FollowUpState = before.state === 'open' ? 'contacted' : before.state;
        await repo.update(trx, id, { contact_ticket_id: ticket.id, state: to, updated_at: now });
        await repo.addEvent(trx, {
          follow_up_id: id,
          actor_id: actorId(ctx),
          kind: 'contacted',
          from_state: before.state,
          to_state: to,
          outcome: null,
          note: '',
          ticket_id: ticket.id,
          at: now,
        });
        await recordAudit(trx, ctx, {
          action: 'follow_up.contacted',
          entityType: 'follow_up',
          entityId: id,
          after: { name: before.summary, ticket: ticket.id, state: to },
        });
        return { ticket, followUp: await detail(trx, (await repo.byId(trx, id))!) };
      });
      announceTicket(live, result.ticket, { created: true, customerSees: true });
      return { ticketId: result.ticket.id, followUp: result.followUp };
    },

    async settings(ctx: RequestContext) {
      authorize(ctx.actor, 'feedback.read');
      return followUpSettings(db);
    },

    async updateSettings(ctx: RequestContext, input: { dueHours: number }) {
      authorize(ctx.actor, 'feedback.manage');
      return db.transaction().execute(async (trx) => {
        const before = await followUpSettings(trx);
        await repo.saveSettings(trx, input.dueHours, nowIso());
        await recordAudit(trx, ctx, {
          action: 'feedback.settings_updated',
          entityType: 'settings',
          entityId: 'follow-ups',
          before: { dueHours: before.dueHours },
          after: { dueHours: input.dueHours },
        });
        return followUpSettings(trx);
      });
    },

    /** The follow-ups a ticket's page links to, among those the reader sees. */
    async ofTicket(ctx: RequestContext, ticketId: number) {
      authorize(ctx.actor, 'tickets.read');
      const scope = await scopeOf(db, ctx);
      const rows = await repo.ofTicket(db, ticketId);
      const seen = [];
      for (const r of rows) {
        const full = await repo.byId(db, r.id);
        if (full && visible(scope, full))
          seen.push({
            id: r.id,
            state: r.state,
            role: r.contact_ticket_id === ticketId ? ('contact' as const) : ('source' as const),
          });
      }
      return { data: seen };
    },
  };
}

export type FollowUpsService = ReturnType<typeof followUpsService>;

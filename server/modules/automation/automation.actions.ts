import type { Action } from '../../../contracts/automation';
import type { Ticket } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import { type RequestContext, systemContext } from '../../platform/auth/actor';
import { nowIso } from '../../platform/clock';
import { enqueueMail } from '../../platform/mail/outbox';
import { notifyUsers } from '../notifications';
import { teamLeadOf, teamMemberIds } from '../teams';
import { addAutomaticMessage, changeTicket, escalateTicket, loadTicket } from '../tickets';
import { fillPlaceholders, type Plan } from './automation.rules';

/**
 * Moves a ticket to a team and assigns it by the team's assignment method. The routing module
 * provides it; the registry passes it in (ADR 0016), so this module does not import routing.
 */
export type RouteTicket = (
  db: DbOrTrx,
  ctx: RequestContext,
  ticketId: number,
  teamId: number,
) => Promise<void>;

/** Routing that only moves the ticket to the team (where no assignment method runs). */
export const moveToTeam: RouteTicket = async (db, ctx, ticketId, teamId) => {
  const ticket = await loadTicket(db, ticketId);
  if (ticket.team?.id !== teamId) await changeTicket(db, ctx, ticketId, { teamId });
};

/** What rules need from modules they cannot import. */
export interface RulePorts {
  routeTicket: RouteTicket;
}

async function notifyTargets(db: DbOrTrx, ticket: Ticket, action: Extract<Action, { type: 'notify' }>) {
  switch (action.target) {
    case 'user':
      return action.userId ? [action.userId] : [];
    case 'team':
      return action.teamId ? teamMemberIds(db, action.teamId) : [];
    case 'assignee':
      return ticket.assignee ? [ticket.assignee.id] : [];
    case 'team_lead': {
      const lead = ticket.team ? await teamLeadOf(db, ticket.team.id) : null;
      return lead === null ? [] : [lead];
    }
    default:
      return [];
  }
}

async function applyEffect(
  db: DbOrTrx,
  ctx: RequestContext,
  ticketId: number,
  action: Action,
  ports: RulePorts,
) {
  const ruleName = ctx.actor.name;
  const ticket = await loadTicket(db, ticketId);
  switch (action.type) {
    case 'route':
      return ports.routeTicket(db, ctx, ticketId, action.teamId);
    case 'notify': {
      const detail = action.message || `${ruleName}: #${ticket.id} ${ticket.subject}`;
      if (action.target === 'email' && action.email) {
        await enqueueMail(db, {
          to: action.email,
          subject: `[#${ticket.id}] ${ticket.subject}`.slice(0, 300),
          text: `${detail}\n\n${ruleName} (ticket #${ticket.id}: ${ticket.subject}, ${ticket.status.replace('_', ' ')}, ${ticket.priority})`,
          headers: { 'Auto-Submitted': 'auto-generated', 'X-Steward-Ticket': String(ticket.id) },
          ticketId,
          kind: 'automation',
        });
        return;
      }
      const ids = [...new Set(await notifyTargets(db, ticket, action))];
      if (ids.length > 0)
        await notifyUsers(db, ids, {
          kind: 'automation',
          ticketId,
          messageId: null,
          actorName: ruleName,
          detail: detail.slice(0, 300),
          now: nowIso(),
        });
      return;
    }
    case 'email_customer':
      await addAutomaticMessage(db, ctx, ticketId, {
        kind: 'reply',
        body: fillPlaceholders(action.body, ticket),
      });
      return;
    case 'note':
      await addAutomaticMessage(db, ctx, ticketId, {
        kind: 'note',
        body: fillPlaceholders(action.body, ticket),
      });
      return;
    case 'escalate':
      await escalateTicket(db, ctx, ticketId, { reason: action.reason, escalatedToId: null });
      return;
    default:
      return;
  }
}

/** Applies a rule's plan to its ticket in the caller's transaction: the field changes first, then the rest in order. */
export async function applyPlan(
  db: DbOrTrx,
  ruleName: string,
  ticketId: number,
  plan: Plan,
  ports: RulePorts,
) {
  const ctx = systemContext(ruleName);
  if (Object.keys(plan.update).length > 0) await changeTicket(db, ctx, ticketId, plan.update);
  for (const action of plan.effects) await applyEffect(db, ctx, ticketId, action, ports);
}

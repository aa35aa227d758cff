import type { z } from 'zod';
import {
  type applyMacroBody,
  type MacroApplied,
  type MacroPreview,
  renderMacroText,
} from '../../../contracts/macros';
import type { Ticket } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import type { Actor, RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { renderMarkdownOffThread } from '../../platform/markdown-async';
import { teamNames } from '../teams';
import { loadCustomFields } from '../ticket-fields';
import {
  announceTicket,
  appendTicketEvents,
  changeTicket,
  customerSeesChange,
  eventActor,
  loadTicket,
} from '../tickets';
import { findUserRow } from '../users';
import { actionsOf, loadVisible, userIdOf } from './macros.access';
import { type MacroRow, macrosRepository as repo } from './macros.repository';
import { changesInWords, macroValuesOf, ticketUpdateOf } from './macros.rules';

const invalid = (path: string[], message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** What applying a macro to a ticket would do: the text for the composer and the changes in words. */
async function planFor(db: DbOrTrx, actor: Actor, row: MacroRow, ticket: Ticket) {
  const actions = actionsOf(row);
  const me = userIdOf(actor);
  if (actions.assignee === 'me' && me === null)
    throw invalid(['actions', 'assignee'], 'This macro assigns to whoever applies it: apply it as a person');
  const update = ticketUpdateOf(ticket, actions, me);
  const assignee =
    update.assigneeId === undefined || update.assigneeId === null
      ? null
      : update.assigneeId === me
        ? actor.name
        : ((await findUserRow(db, update.assigneeId))?.name ?? `User #${update.assigneeId}`);
  const team =
    update.teamId === undefined || update.teamId === null
      ? null
      : ((await teamNames(db, [update.teamId]))[0]?.name ?? `Team #${update.teamId}`);
  const fieldLabels = update.customFields
    ? Object.fromEntries((await loadCustomFields(db)).map((f) => [f.key, f.label]))
    : {};
  const body = renderMacroText(row.body, macroValuesOf(ticket, actor.name));
  const preview: MacroPreview = {
    reply: {
      body,
      html: body.trim() ? await renderMarkdownOffThread(body) : '',
      internal: row.internal === 1,
    },
    changes: changesInWords(ticket, update, { assignee, team, fieldLabels }),
  };
  return { update, preview };
}

/** What applying would do to the ticket, changing nothing. */
export async function previewMacro(
  db: DbOrTrx,
  ctx: RequestContext,
  id: number,
  ticketId: number,
): Promise<MacroPreview> {
  authorize(ctx.actor, 'macros.read');
  authorize(ctx.actor, 'tickets.read');
  const row = await loadVisible(db, ctx.actor, id);
  const ticket = await loadTicket(db, ticketId);
  return (await planFor(db, ctx.actor, row, ticket)).preview;
}

/**
 * Applies the field changes through the tickets module (its history and audit), notes the
 * macro in the ticket's history, counts a use, and returns the text for the composer.
 */
export async function applyMacro(
  { db, live }: Pick<AppDeps, 'db' | 'live'>,
  ctx: RequestContext,
  id: number,
  input: z.output<typeof applyMacroBody>,
): Promise<MacroApplied> {
  authorize(ctx.actor, 'macros.read');
  authorize(ctx.actor, 'tickets.write');
  const { result, update } = await db.transaction().execute(async (trx) => {
    const row = await loadVisible(trx, ctx.actor, id);
    const before = await loadTicket(trx, input.ticketId);
    if (input.version !== undefined && input.version !== before.version)
      throw new AppError(
        'TICKET_VERSION_CONFLICT',
        `Ticket #${before.id} was changed by someone else; reload it and try again`,
        { current: before },
      );
    const { update, preview } = await planFor(trx, ctx.actor, row, before);
    const changed = Object.keys(update).length > 0;
    const ticket = changed
      ? await changeTicket(trx, ctx, before.id, { ...update, version: before.version })
      : before;
    const now = nowIso();
    await appendTicketEvents(trx, ticket.id, eventActor(ctx), [{ type: 'macro_applied', to: row.name }], now);
    await repo.countUse(trx, id, now);
    return { result: { ...preview, ticket }, update };
  });
  if (Object.keys(update).length > 0)
    announceTicket(live, result.ticket, { customerSees: customerSeesChange(update) });
  return result;
}

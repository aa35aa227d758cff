import type { z } from 'zod';
import {
  type applyMacroBody,
  type createMacroBody,
  type Macro,
  type MacroActions,
  type MacroApplied,
  type MacroPreview,
  macroActionsSchema,
  macroPlaceholders,
  type macrosQuery,
  renderMacroText,
  UNUSED_DAYS,
  unknownPlaceholders,
  type updateMacroBody,
} from '../../../contracts/macros';
import type { Ticket } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { Actor, RequestContext } from '../../platform/auth/actor';
import { authorize, can } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { parseObject } from '../../platform/json';
import { renderMarkdown } from '../../platform/markdown';
import { teamExists, teamLeadOf, teamNames } from '../teams';
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
import {
  type MacroRow,
  type MacroValues,
  type MacroViewer,
  macrosRepository as repo,
} from './macros.repository';
import { changesInWords, macroValuesOf, placementOf, ticketUpdateOf } from './macros.rules';

type CreateBody = z.output<typeof createMacroBody>;
type UpdateBody = z.output<typeof updateMacroBody>;

const DAY = 86_400_000;
const macroNotFound = (id: number) => notFound('MACRO_NOT_FOUND', `Macro #${id}`);
const invalid = (path: string[], message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** A person's own id; an API token is no one. */
const userIdOf = (actor: Actor) => (actor.type === 'user' && actor.id !== 0 ? actor.id : null);

/** What a caller sees: their own personal macros, their teams' (managers: every team's) and the shared ones. */
const viewerOf = (actor: Actor): MacroViewer => ({
  userId: userIdOf(actor),
  allTeams: can(actor, 'macros.share'),
});

const managedAs = (row: Pick<MacroRow, 'visibility' | 'owner_id' | 'team_lead_id'>) => ({
  visibility: row.visibility,
  ownerId: row.owner_id,
  teamLeadId: row.team_lead_id,
});

/** Stored actions, read back through their schema: anything it no longer takes is left out. */
function actionsOf(row: Pick<MacroRow, 'actions'>): MacroActions {
  const parsed = macroActionsSchema.safeParse(parseObject(row.actions));
  return parsed.success ? parsed.data : {};
}

export function toMacro(row: MacroRow, actor: Actor): Macro {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    body: row.body,
    internal: row.internal === 1,
    actions: actionsOf(row),
    visibility: row.visibility,
    team: row.team_id !== null ? { id: row.team_id, name: row.team_name ?? `Team #${row.team_id}` } : null,
    owner:
      row.owner_id !== null ? { id: row.owner_id, name: row.owner_name ?? `User #${row.owner_id}` } : null,
    usageCount: row.usage_count,
    lastUsedAt: row.last_used_at,
    canEdit: can(actor, 'macros.manage', managedAs(row)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Whether the caller may see a macro: a stranger's personal one or another team's does not exist for them. */
async function visibleTo(db: DbOrTrx, actor: Actor, row: MacroRow): Promise<boolean> {
  if (row.visibility === 'shared') return true;
  const userId = userIdOf(actor);
  if (row.visibility === 'personal') return userId !== null && row.owner_id === userId;
  if (can(actor, 'macros.share')) return true;
  return userId !== null && row.team_id !== null && repo.isTeamMember(db, row.team_id, userId);
}

async function loadVisible(db: DbOrTrx, actor: Actor, id: number): Promise<MacroRow> {
  const row = await repo.findById(db, id);
  if (!row || !(await visibleTo(db, actor, row))) throw macroNotFound(id);
  return row;
}

/** The text uses only known placeholders; the people, team and fields the actions name exist. */
async function checkContent(db: DbOrTrx, body: string | undefined, actions: MacroActions | undefined) {
  if (body !== undefined) {
    const unknown = unknownPlaceholders(body);
    if (unknown.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        `Unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(', ')}: use one of ${Object.keys(
          macroPlaceholders,
        )
          .map((p) => `{{${p}}}`)
          .join(', ')}`,
        [{ path: ['body'], message: `Unknown placeholder: ${unknown.join(', ')}`, unknown }],
      );
  }
  if (!actions) return;
  if (typeof actions.assignee === 'number') {
    const user = await findUserRow(db, actions.assignee);
    if (!user || user.role === 'customer' || user.deactivated_at)
      throw invalid(['actions', 'assignee'], `No active staff member with id ${actions.assignee}`);
  }
  if (actions.teamId && !(await teamExists(db, actions.teamId)))
    throw invalid(['actions', 'teamId'], `No team with id ${actions.teamId}`);
  const keys = Object.keys(actions.customFields ?? {});
  if (keys.length > 0) {
    const known = new Set((await loadCustomFields(db)).map((f) => f.key));
    const missing = keys.filter((k) => !known.has(k));
    if (missing.length > 0)
      throw invalid(['actions', 'customFields'], `No custom field with the key ${missing.join(', ')}`);
  }
}

/** Where a macro goes and whether the caller may put it there: their own, a team they lead, or shared. */
async function placement(
  db: DbOrTrx,
  actor: Actor,
  visibility: Macro['visibility'],
  teamId: number | null,
  ownerId: number | null,
) {
  if (visibility === 'personal' && ownerId === null)
    throw invalid(['visibility'], 'An API token keeps no personal macros: make it a team or shared macro');
  if (visibility === 'team' && teamId === null) throw invalid(['teamId'], 'Choose the team that uses it');
  const place = placementOf(visibility, teamId, ownerId);
  let teamLeadId: number | null = null;
  if (place.team_id !== null) {
    if (!(await teamExists(db, place.team_id))) throw invalid(['teamId'], `No team with id ${place.team_id}`);
    teamLeadId = await teamLeadOf(db, place.team_id);
  }
  authorize(actor, 'macros.manage', { visibility, ownerId: place.owner_id, teamLeadId });
  return place;
}

const audited = (m: Macro) => ({
  name: m.name,
  description: m.description,
  text: m.body,
  internal: m.internal,
  visibility: m.visibility,
  team: m.team?.name ?? null,
  owner: m.owner?.name ?? null,
  actions: JSON.stringify(m.actions),
});

/** A macro as demo data: checked as the API checks it, with its usage history. */
export async function insertMacroRow(
  db: DbOrTrx,
  input: CreateBody & { ownerId?: number | null; usageCount?: number; lastUsedAt?: string | null },
  now: string,
): Promise<number> {
  await checkContent(db, input.body, input.actions);
  return repo.insert(
    db,
    {
      name: input.name,
      description: input.description,
      body: input.body,
      internal: input.internal ? 1 : 0,
      actions: JSON.stringify(input.actions),
      visibility: input.visibility,
      ...placementOf(input.visibility, input.teamId, input.ownerId ?? null),
      created_by_id: input.ownerId ?? null,
    },
    now,
    { count: input.usageCount ?? 0, lastUsedAt: input.lastUsedAt ?? null },
  );
}

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
    reply: { body, html: body.trim() ? renderMarkdown(body) : '', internal: row.internal === 1 },
    changes: changesInWords(ticket, update, { assignee, team, fieldLabels }),
  };
  return { update, preview };
}

export function macrosService({ db, live }: AppDeps) {
  return {
    async list(ctx: RequestContext, query: z.output<typeof macrosQuery>) {
      authorize(ctx.actor, 'macros.read');
      const rows = await repo.list(db, viewerOf(ctx.actor), {
        q: query.q || undefined,
        visibility: query.visibility,
        unusedSince: query.unused ? new Date(Date.now() - UNUSED_DAYS * DAY).toISOString() : undefined,
      });
      return { data: rows.map((row) => toMacro(row, ctx.actor)) };
    },

    async get(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'macros.read');
      return toMacro(await loadVisible(db, ctx.actor, id), ctx.actor);
    },

    async create(ctx: RequestContext, input: CreateBody) {
      authorize(ctx.actor, 'macros.write');
      return db.transaction().execute(async (trx) => {
        const place = await placement(trx, ctx.actor, input.visibility, input.teamId, userIdOf(ctx.actor));
        await checkContent(trx, input.body, input.actions);
        const values: MacroValues = {
          name: input.name,
          description: input.description,
          body: input.body,
          internal: input.internal ? 1 : 0,
          actions: JSON.stringify(input.actions),
          visibility: input.visibility,
          ...place,
          created_by_id: userIdOf(ctx.actor),
        };
        const id = await repo.insert(trx, values, nowIso());
        const after = toMacro((await repo.findById(trx, id))!, ctx.actor);
        await recordAudit(trx, ctx, {
          action: 'macro.created',
          entityType: 'macro',
          entityId: id,
          after: audited(after),
        });
        return after;
      });
    },

    async update(ctx: RequestContext, id: number, input: UpdateBody) {
      authorize(ctx.actor, 'macros.write');
      return db.transaction().execute(async (trx) => {
        const current = await loadVisible(trx, ctx.actor, id);
        authorize(ctx.actor, 'macros.manage', managedAs(current));
        const before = toMacro(current, ctx.actor);
        const visibility = input.visibility ?? current.visibility;
        const moved = input.visibility !== undefined || input.teamId !== undefined;
        const place = moved
          ? await placement(
              trx,
              ctx.actor,
              visibility,
              input.teamId === undefined ? current.team_id : input.teamId,
              visibility === current.visibility && current.owner_id !== null
                ? current.owner_id
                : userIdOf(ctx.actor),
            )
          : {};
        await checkContent(trx, input.body, input.actions);
        await repo.update(
          trx,
          id,
          {
            name: input.name,
            description: input.description,
            body: input.body,
            internal: input.internal === undefined ? undefined : input.internal ? 1 : 0,
            actions: input.actions === undefined ? undefined : JSON.stringify(input.actions),
            visibility: input.visibility,
            ...place,
          },
          nowIso(),
        );
        const after = toMacro((await repo.findById(trx, id))!, ctx.actor);
        await recordAudit(trx, ctx, {
          action: 'macro.updated',
          entityType: 'macro',
          entityId: id,
          before: audited(before),
          after: audited(after),
        });
        return after;
      });
    },

    async remove(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'macros.write');
      await db.transaction().execute(async (trx) => {
        const current = await loadVisible(trx, ctx.actor, id);
        authorize(ctx.actor, 'macros.manage', managedAs(current));
        await repo.remove(trx, id);
        await recordAudit(trx, ctx, {
          action: 'macro.deleted',
          entityType: 'macro',
          entityId: id,
          before: { name: current.name },
        });
      });
    },

    /** What applying would do to the ticket, changing nothing. */
    async preview(ctx: RequestContext, id: number, ticketId: number): Promise<MacroPreview> {
      authorize(ctx.actor, 'macros.read');
      authorize(ctx.actor, 'tickets.read');
      const row = await loadVisible(db, ctx.actor, id);
      const ticket = await loadTicket(db, ticketId);
      return (await planFor(db, ctx.actor, row, ticket)).preview;
    },

    /**
     * Applies the field changes through the tickets module (its history and audit), notes the
     * macro in the ticket's history, counts a use, and returns the text for the composer.
     */
    async apply(
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
        await appendTicketEvents(
          trx,
          ticket.id,
          eventActor(ctx),
          [{ type: 'macro_applied', to: row.name }],
          now,
        );
        await repo.countUse(trx, id, now);
        return { result: { ...preview, ticket }, update };
      });
      if (Object.keys(update).length > 0)
        announceTicket(live, result.ticket, { customerSees: customerSeesChange(update) });
      return result;
    },
  };
}

export type MacrosService = ReturnType<typeof macrosService>;

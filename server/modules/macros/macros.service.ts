import type { z } from 'zod';
import {
  type applyMacroBody,
  type createMacroBody,
  type Macro,
  type MacroActions,
  macroPlaceholders,
  type macrosQuery,
  UNUSED_DAYS,
  unknownPlaceholders,
  type updateMacroBody,
} from '../../../contracts/macros';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { Actor, RequestContext } from '../../platform/auth/actor';
import { authorize, can } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { teamExists, teamLeadOf } from '../teams';
import { loadCustomFields } from '../ticket-fields';
import { findUserRow } from '../users';
import { actionsOf, loadVisible, managedAs, userIdOf, viewerOf } from './macros.access';
import { applyMacro, previewMacro } from './macros.apply';
import { type MacroRow, type MacroValues, macrosRepository as repo } from './macros.repository';
import { placementOf } from './macros.rules';

type CreateBody = z.output<typeof createMacroBody>;
type UpdateBody = z.output<typeof updateMacroBody>;

const DAY = 86_400_000;
const invalid = (path: string[], message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

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
    preview: (ctx: RequestContext, id: number, ticketId: number) => previewMacro(db, ctx, id, ticketId),

    /** Applies a macro to a ticket (see macros.apply.ts). */
    apply: (ctx: RequestContext, id: number, input: z.output<typeof applyMacroBody>) =>
      applyMacro({ db, live }, ctx, id, input),
  };
}

export type MacrosService = ReturnType<typeof macrosService>;
